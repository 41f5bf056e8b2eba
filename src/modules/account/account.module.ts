import { defineModule } from '../../platform/module.js';
import { accountRoutes } from './account.routes.js';
import * as accountCatalogue from './account.i18n.js';

/** What the account module brings to the app (ADR 0011). */
export const accountModule = defineModule({
  name: 'account',
  plugins: [accountRoutes],
  catalogues: [accountCatalogue],
});
