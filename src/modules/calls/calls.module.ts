import { defineModule } from '../../platform/module.js';
import { callsRoutes } from './calls.routes.js';
import * as callsCatalogue from './calls.i18n.js';
import * as presenter from './calls.presenter.js';
import { callsErrors } from './calls.errors.js';
import { callsJobs } from './calls.jobs.js';
import { applicationsRepository } from './calls.applications.repository.js';
import { applicationFilesRepository } from './calls.files.repository.js';
import { moveLegacyFileAnswers } from './calls.legacy-files.js';

/** What the calls module brings to the app (ADR 0020). */
export const callsModule = defineModule({
  name: 'calls',
  plugins: [callsRoutes],
  catalogues: [callsCatalogue],
  presenters: [presenter],
  errors: callsErrors,
  jobs: (deps) => callsJobs(deps),
  nav: [{ key: 'calls', href: '/appels', label: 'calls.nav', order: 35 }],
  // File answers typed as public media keys before ADR 0024 become private files.
  upgrades: [{ name: 'legacy-file-answers', run: moveLegacyFileAnswers }],
  personalData: {
    // Files are listed by name (the documents stay with the applications, ADR 0024).
    export: async (db, userId) => ({ callApplications: await applicationsRepository.exportFor(db, userId), callApplicationFiles: await applicationFilesRepository.exportFor(db, userId) }),
    anonymise: async (tx, userId) => {
      await applicationsRepository.anonymise(tx, userId);
      await applicationFilesRepository.anonymise(tx, userId);
    },
  },
});
