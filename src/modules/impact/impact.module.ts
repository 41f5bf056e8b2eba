import { defineModule } from '../../platform/module.js';
import { impactRoutes } from './impact.routes.js';
import * as impactCatalogue from './impact.i18n.js';
import * as presenter from './impact.presenter.js';

/** What the impact module brings to the app (ADR 0011). */
export const impactModule = defineModule({
  name: 'impact',
  plugins: [impactRoutes],
  catalogues: [impactCatalogue],
  presenters: [presenter],
});
