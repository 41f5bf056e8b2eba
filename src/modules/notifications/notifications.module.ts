import { defineModule } from '../../platform/module.js';
import { notificationsRoutes } from './notifications.routes.js';
import { notificationSettingsRoutes } from './notifications.settings.routes.js';
import * as notificationsCatalogue from './notifications.i18n.js';
import * as notificationMailCatalogue from './notifications.mail.i18n.js';
import * as presenter from './notifications.presenter.js';
import { notificationJobs } from './notifications.mail.jobs.js';
import { notificationsErrors } from './notifications.errors.js';
import { mailRepository } from '../../platform/mail/mail.repository.js';
import { notificationsPersonalDataRepository } from './notifications.personal-data.repository.js';

/** What the notifications module brings to the app (ADR 0011). */
export const notificationsModule = defineModule({
  name: 'notifications',
  plugins: [notificationsRoutes, notificationSettingsRoutes],
  catalogues: [notificationsCatalogue, notificationMailCatalogue],
  errors: notificationsErrors,
  presenters: [presenter],
  jobs: (deps, jobs) => notificationJobs(deps, jobs),
  personalData: {
    export: notificationsPersonalDataRepository.export,
    anonymise: async (tx, userId) => {
      const rewritten = await notificationsPersonalDataRepository.forgetActor(tx, userId);
      await mailRepository.dropUnsent(tx, { about: rewritten.map((id) => `notification:${id}`) });
      await notificationsPersonalDataRepository.deleteOwn(tx, userId);
    },
  },
});
