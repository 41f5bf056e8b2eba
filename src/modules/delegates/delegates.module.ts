import { defineModule } from '../../platform/module.js';
import { delegatesRoutes } from './delegates.routes.js';
import * as delegatesCatalogue from './delegates.i18n.js';
import { delegatesErrors } from './delegates.errors.js';
import { delegatesPersonalDataRepository } from './delegates.personal-data.repository.js';

/** What the delegates module brings to the app (ADR 0011). */
export const delegatesModule = defineModule({
  name: 'delegates',
  plugins: [delegatesRoutes],
  catalogues: [delegatesCatalogue],
  errors: delegatesErrors,
  personalData: { export: delegatesPersonalDataRepository.export, anonymise: delegatesPersonalDataRepository.anonymise },
});
