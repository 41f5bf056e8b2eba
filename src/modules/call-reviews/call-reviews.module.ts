import { defineModule } from '../../platform/module.js';
import { callReviewsRoutes } from './call-reviews.routes.js';
import { callReviewsErrors } from './call-reviews.errors.js';
import { callReviewsRepository } from './call-reviews.repository.js';
import * as callReviewsCatalogue from './call-reviews.i18n.js';
import * as callReviewsPresenter from './call-reviews.presenter.js';

/** What the call-reviews module brings to the app (ADR 0011, ADR 0021): jury, conflicts, scores, public vote, results. */
export const callReviewsModule = defineModule({
  name: 'call-reviews',
  plugins: [callReviewsRoutes],
  catalogues: [callReviewsCatalogue],
  presenters: [callReviewsPresenter],
  errors: callReviewsErrors,
  personalData: { export: (db, userId) => callReviewsRepository.exportFor(db, userId), anonymise: (tx, userId) => callReviewsRepository.anonymise(tx, userId) },
});
