import { defineModule } from '../../platform/module.js';
import { caisseSpaceRoutes } from './caisse-space.routes.js';
import { mySpacesRoutes } from './caisse-space.mine.js';
import * as caisseSpaceCatalogue from './caisse-space.i18n.js';

/** What the caisse-space module brings to the app (ADR 0011). */
export const caisseSpaceModule = defineModule({
  name: 'caisse-space',
  plugins: [caisseSpaceRoutes, mySpacesRoutes],
  catalogues: [caisseSpaceCatalogue],
  nav: [{ key: 'caisseSpace', href: '/espace-caisse', label: 'caisseSpace.mine.nav', order: 85, requires: 'staffSpace' }],
});
