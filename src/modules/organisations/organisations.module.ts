import { defineModule } from '../../platform/module.js';
import { organisationsRoutes } from './organisations.routes.js';
import * as organisationsCatalogue from './organisations.i18n.js';
import * as partnersCatalogue from './partners.i18n.js';
import * as presenter from './organisations.presenter.js';
import { organisationsErrors } from './organisations.errors.js';
import { organisationsPersonalDataRepository } from './organisations.personal-data.repository.js';
import { organisationsReportTargets } from './organisations.report-targets.js';

/** What the organisations module brings to the app (ADR 0011). */
export const organisationsModule = defineModule({
  name: 'organisations',
  plugins: [organisationsRoutes],
  catalogues: [organisationsCatalogue, partnersCatalogue],
  errors: organisationsErrors,
  presenters: [presenter],
  personalData: { export: organisationsPersonalDataRepository.export, anonymise: organisationsPersonalDataRepository.anonymise },
  reportTargets: organisationsReportTargets,
});
