import { defineModule } from '../../platform/module.js';
import { boardsRoutes } from './boards.routes.js';
import * as boardsCatalogue from './boards.i18n.js';
import * as presenter from './boards.presenter.js';
import { boardsErrors } from './boards.errors.js';
import { boardsPersonalDataRepository } from './boards.personal-data.repository.js';
import { boardsReportTargets } from './boards.report-targets.js';

/** What the boards module brings to the app (ADR 0011). */
export const boardsModule = defineModule({
  name: 'boards',
  plugins: [boardsRoutes],
  catalogues: [boardsCatalogue],
  errors: boardsErrors,
  presenters: [presenter],
  nav: [{ key: 'boards', href: '/tableaux', label: 'boards.nav', order: 50 }],
  personalData: { export: boardsPersonalDataRepository.export, anonymise: boardsPersonalDataRepository.anonymise },
  reportTargets: boardsReportTargets,
});
