import { defineModule } from '../../platform/module.js';
import { needsRoutes } from './needs.routes.js';
import * as needsCatalogue from './needs.i18n.js';
import * as presenter from './needs.presenter.js';
import { needsErrors } from './needs.errors.js';

/** What the needs module brings to the app (ADR 0011). */
export const needsModule = defineModule({
  name: 'needs',
  plugins: [needsRoutes],
  catalogues: [needsCatalogue],
  errors: needsErrors,
  presenters: [presenter],
});
