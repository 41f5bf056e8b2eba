import { defineModule } from '../../platform/module.js';
import { followsRoutes } from './follows.routes.js';
import { feedRoutes } from './feed.routes.js';
import { commentsRoutes } from './comments.routes.js';
import { reactionsRoutes } from './reactions.routes.js';
import * as socialCatalogue from './social.i18n.js';
import * as commentsCatalogue from './comments.i18n.js';
import * as comments from './comments.presenter.js';
import * as feed from './feed.presenter.js';
import * as follows from './follows.presenter.js';
import * as reactions from './reactions.presenter.js';
import { socialErrors } from './social.errors.js';
import { socialPersonalDataRepository } from './social.personal-data.repository.js';
import { commentsReportTargets } from './comments.report-targets.js';

/** What the social module brings to the app (ADR 0011). */
export const socialModule = defineModule({
  name: 'social',
  plugins: [followsRoutes, feedRoutes, commentsRoutes, reactionsRoutes],
  catalogues: [socialCatalogue, commentsCatalogue],
  errors: socialErrors,
  presenters: [comments, feed, follows, reactions],
  nav: [{ key: 'feed', href: '/fil', label: 'social.feed.title', order: 20 }],
  personalData: { export: socialPersonalDataRepository.export, anonymise: socialPersonalDataRepository.anonymise },
  reportTargets: commentsReportTargets,
});
