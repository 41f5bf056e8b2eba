import type { ModuleDescriptor } from '../platform/module.js';
import { healthModule } from './health/health.module.js';
import { authModule } from './auth/auth.module.js';
import { meModule } from './me/me.module.js';
import { peopleModule } from './people/people.module.js';
import { territoriesModule } from './territories/territories.module.js';
import { caissesModule } from './caisses/caisses.module.js';
import { delegatesModule } from './delegates/delegates.module.js';
import { caisseSpaceModule } from './caisse-space/caisse-space.module.js';
import { homeModule } from './home/home.module.js';
import { adminModule } from './admin/admin.module.js';
import { mediaModule } from './media/media.module.js';
import { projectsModule } from './projects/projects.module.js';
import { needsModule } from './needs/needs.module.js';
import { pledgesModule } from './pledges/pledges.module.js';
import { impactModule } from './impact/impact.module.js';
import { organisationsModule } from './organisations/organisations.module.js';
import { offersModule } from './offers/offers.module.js';
import { matchingModule } from './matching/matching.module.js';
import { messagesModule } from './messages/messages.module.js';
import { boardsModule } from './boards/boards.module.js';
import { notificationsModule } from './notifications/notifications.module.js';
import { moderationModule } from './moderation/moderation.module.js';
import { socialModule } from './social/social.module.js';
import { searchModule } from './search/search.module.js';
import { accountModule } from './account/account.module.js';
import { callsModule } from './calls/calls.module.js';
import { callReviewsModule } from './call-reviews/call-reviews.module.js';
import { contestsModule } from './contests/contests.module.js';
import { crowdfundingModule } from './crowdfunding/crowdfunding.module.js';
import { privacyRegisterModule } from './privacy-register/privacy-register.module.js';

/**
 * Every feature module, once (ADR 0011). app.ts registers their plugins in this order; catalogues.ts,
 * jobs.ts, the OpenAPI components and the main navigation derive from this list.
 */
export const modules: readonly ModuleDescriptor[] = [healthModule, authModule, meModule, peopleModule, territoriesModule, caissesModule, delegatesModule, caisseSpaceModule, homeModule, adminModule, mediaModule, projectsModule, needsModule, pledgesModule, impactModule, organisationsModule, offersModule, matchingModule, messagesModule, boardsModule, notificationsModule, moderationModule, socialModule, searchModule, accountModule, callsModule, callReviewsModule, contestsModule, crowdfundingModule, privacyRegisterModule];
