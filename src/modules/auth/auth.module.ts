import { defineModule } from '../../platform/module.js';
import { authApiRoutes } from './auth.routes.js';
import { authPages } from './auth.pages.js';
import * as authCatalogue from './auth.i18n.js';
import { authErrors } from './auth.errors.js';
import { authPersonalDataRepository } from './auth.personal-data.repository.js';

/** What the auth module brings to the app (ADR 0011). */
export const authModule = defineModule({
  name: 'auth',
  plugins: [authApiRoutes, authPages],
  catalogues: [authCatalogue],
  errors: authErrors,
  personalData: { export: authPersonalDataRepository.export, anonymise: authPersonalDataRepository.anonymise },
});
