import { defineModule } from '../../platform/module.js';
import { caissesRoutes } from './caisses.routes.js';
import * as caissesCatalogue from './caisses.i18n.js';
import * as presenter from './caisses.presenter.js';
import { caissesErrors } from './caisses.errors.js';

/** What the caisses module brings to the app (ADR 0011). */
export const caissesModule = defineModule({
  name: 'caisses',
  plugins: [caissesRoutes],
  catalogues: [caissesCatalogue],
  errors: caissesErrors,
  presenters: [presenter],
  nav: [{ key: 'caisses', href: '/caisses', label: 'nav.caisses', order: 80 }],
});
