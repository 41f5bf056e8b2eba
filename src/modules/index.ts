import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../platform/deps.js';
import { healthRoutes } from './health/health.routes.js';
import { authApiRoutes } from './auth/auth.routes.js';
import { authPages } from './auth/auth.pages.js';
import { meApiRoutes } from './me/me.routes.js';
import { mePages } from './me/me.pages.js';
import { peopleRoutes } from './people/people.routes.js';
import { territoriesRoutes } from './territories/territories.routes.js';
import { caissesRoutes } from './caisses/caisses.routes.js';
import { homePages } from './home/home.pages.js';
import { adminRoutes } from './admin/admin.routes.js';
import { mediaRoutes } from './media/media.routes.js';
import { projectsRoutes } from './projects/projects.routes.js';
import { needsRoutes } from './needs/needs.routes.js';
import { pledgesRoutes } from './pledges/pledges.routes.js';
import { impactRoutes } from './impact/impact.routes.js';
import { organisationsRoutes } from './organisations/organisations.routes.js';
import { offersRoutes } from './offers/offers.routes.js';
import { matchingRoutes } from './matching/matching.routes.js';
import { messagesRoutes } from './messages/messages.routes.js';
import { accountRoutes } from './account/account.routes.js';
import { notificationSettingsRoutes } from './notifications/notifications.settings.routes.js';
import { boardsRoutes } from './boards/boards.routes.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { moderationRoutes } from './moderation/moderation.routes.js';
import { followsRoutes } from './social/follows.routes.js';
import { feedRoutes } from './social/feed.routes.js';
import { commentsRoutes } from './social/comments.routes.js';
import { reactionsRoutes } from './social/reactions.routes.js';

export type ModuleOptions = { deps: Deps; draining: { value: boolean } };
export type Module = FastifyPluginAsync<ModuleOptions>;

/** Every feature module, registered in this order by app.ts. */
export const modules: Module[] = [healthRoutes, authApiRoutes, authPages, meApiRoutes, mePages, peopleRoutes, territoriesRoutes, caissesRoutes, homePages, adminRoutes, mediaRoutes, projectsRoutes, needsRoutes, pledgesRoutes, impactRoutes, organisationsRoutes, offersRoutes, matchingRoutes, messagesRoutes, boardsRoutes, notificationsRoutes, notificationSettingsRoutes, moderationRoutes, followsRoutes, feedRoutes, commentsRoutes, reactionsRoutes, accountRoutes];
