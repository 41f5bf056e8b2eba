import { defineModule } from '../../platform/module.js';
import { adminRoutes } from './admin.routes.js';
import * as adminCatalogue from './admin.i18n.js';
import * as presenter from './admin.presenter.js';
import * as logsPresenter from './admin.logs.presenter.js';
import { adminErrors } from './admin.errors.js';
import { adminPersonalDataRepository } from './admin.personal-data.repository.js';

/** What the admin module brings to the app (ADR 0011). */
export const adminModule = defineModule({
  name: 'admin',
  plugins: [adminRoutes],
  catalogues: [adminCatalogue],
  errors: adminErrors,
  presenters: [presenter, logsPresenter],
  nav: [{ key: 'admin', href: '/admin', label: 'nav.admin', order: 100, requires: 'admin' }],
  personalData: { export: adminPersonalDataRepository.export, anonymise: adminPersonalDataRepository.anonymise },
});
