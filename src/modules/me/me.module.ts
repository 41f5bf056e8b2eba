import { defineModule } from '../../platform/module.js';
import { meApiRoutes } from './me.routes.js';
import { mePages } from './me.pages.js';
import * as meCatalogue from './me.i18n.js';
import * as presenter from './me.presenter.js';
import { meErrors } from './me.errors.js';

/** What the me module brings to the app (ADR 0011). */
export const meModule = defineModule({
  name: 'me',
  plugins: [meApiRoutes, mePages],
  catalogues: [meCatalogue],
  errors: meErrors,
  presenters: [presenter],
});
