import { defineModule } from '../../platform/module.js';
import { projectsRoutes } from './projects.routes.js';
import * as projectsCatalogue from './projects.i18n.js';
import * as projectHelpersCatalogue from './projects.helpers.i18n.js';
import * as presenter from './projects.presenter.js';
import { projectsErrors } from './projects.errors.js';
import { projectsPersonalDataRepository } from './projects.personal-data.repository.js';
import { projectsReportTargets } from './projects.report-targets.js';

/** What the projects module brings to the app (ADR 0011). */
export const projectsModule = defineModule({
  name: 'projects',
  plugins: [projectsRoutes],
  catalogues: [projectsCatalogue, projectHelpersCatalogue],
  errors: projectsErrors,
  presenters: [presenter],
  nav: [{ key: 'projects', href: '/projets', label: 'nav.projects', order: 30 }],
  personalData: { export: projectsPersonalDataRepository.export, anonymise: projectsPersonalDataRepository.anonymise },
  reportTargets: projectsReportTargets,
});
