import { defineModule } from '../../platform/module.js';
import { offersRoutes } from './offers.routes.js';
import * as offersCatalogue from './offers.i18n.js';
import * as presenter from './offers.presenter.js';
import { offersErrors } from './offers.errors.js';
import { offersPersonalDataRepository } from './offers.personal-data.repository.js';
import { offersReportTargets } from './offers.report-targets.js';

/** What the offers module brings to the app (ADR 0011). */
export const offersModule = defineModule({
  name: 'offers',
  plugins: [offersRoutes],
  catalogues: [offersCatalogue],
  errors: offersErrors,
  presenters: [presenter],
  nav: [{ key: 'offers', href: '/offres', label: 'nav.offers', order: 40 }],
  personalData: { export: offersPersonalDataRepository.export, anonymise: offersPersonalDataRepository.anonymise },
  reportTargets: offersReportTargets,
});
