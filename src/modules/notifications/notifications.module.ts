import { defineModule } from '../../platform/module.js';
import { notificationsRoutes } from './notifications.routes.js';
import { notificationSettingsRoutes } from './notifications.settings.routes.js';
import * as notificationsCatalogue from './notifications.i18n.js';
import * as notificationMailCatalogue from './notifications.mail.i18n.js';
import * as presenter from './notifications.presenter.js';
import { notificationJobs } from './notifications.mail.jobs.js';

/** What the notifications module brings to the app (ADR 0011). */
export const notificationsModule = defineModule({
  name: 'notifications',
  plugins: [notificationsRoutes, notificationSettingsRoutes],
  catalogues: [notificationsCatalogue, notificationMailCatalogue],
  presenters: [presenter],
  jobs: (deps, jobs) => notificationJobs(deps, jobs),
});
