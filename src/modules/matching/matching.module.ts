import { defineModule } from '../../platform/module.js';
import { matchingRoutes } from './matching.routes.js';
import * as matchingCatalogue from './matching.i18n.js';
import * as presenter from './matching.presenter.js';

/** What the matching module brings to the app (ADR 0011). */
export const matchingModule = defineModule({
  name: 'matching',
  plugins: [matchingRoutes],
  catalogues: [matchingCatalogue],
  presenters: [presenter],
});
