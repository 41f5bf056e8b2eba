import { defineModule } from '../../platform/module.js';
import { messagesRoutes } from './messages.routes.js';
import * as messagesCatalogue from './messages.i18n.js';
import * as presenter from './messages.presenter.js';
import { messagesErrors } from './messages.errors.js';
import { messagesPersonalDataRepository } from './messages.personal-data.repository.js';
import { messagesReportTargets } from './messages.report-targets.js';

/** What the messages module brings to the app (ADR 0011). */
export const messagesModule = defineModule({
  name: 'messages',
  plugins: [messagesRoutes],
  catalogues: [messagesCatalogue],
  errors: messagesErrors,
  presenters: [presenter],
  personalData: { export: messagesPersonalDataRepository.export, anonymise: messagesPersonalDataRepository.anonymise },
  reportTargets: messagesReportTargets,
});
