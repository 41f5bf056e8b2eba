import { defineModule } from '../../platform/module.js';
import { privacyRegisterRoutes } from './privacy-register.routes.js';
import * as privacyRegisterCatalogue from './privacy-register.i18n.js';
import * as presenter from './privacy-register.presenter.js';
import { privacyRegisterErrors } from './privacy-register.errors.js';
import { privacyRegisterRepository } from './privacy-register.repository.js';
import { privacyRegisterJobs } from './privacy-register.jobs.js';

/**
 * The confidentiality-incident register and the access requests (Law 25, ADR 0028), platform admins only.
 * Its pages are linked from the admin section navigation; no main menu entry. A daily job e-mails
 * the admins the requests overdue or due within 7 days.
 */
export const privacyRegisterModule = defineModule({
  name: 'privacy-register',
  plugins: [privacyRegisterRoutes],
  catalogues: [privacyRegisterCatalogue],
  presenters: [presenter],
  errors: privacyRegisterErrors,
  jobs: (deps) => privacyRegisterJobs(deps),
  personalData: {
    // A person's own requests (without the admins' notes); on deletion the register keeps them, unlinked.
    export: async (db, userId) => ({ privacyRequests: await privacyRegisterRepository.requestsOfPerson(db, userId) }),
    anonymise: async (tx, userId) => { await privacyRegisterRepository.unlinkPerson(tx, userId); },
  },
});
