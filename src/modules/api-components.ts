import * as admin from './admin/admin.presenter.js';
import * as adminLogs from './admin/admin.logs.presenter.js';
import * as boards from './boards/boards.presenter.js';
import * as caisses from './caisses/caisses.presenter.js';
import * as home from './home/home.presenter.js';
import * as impact from './impact/impact.presenter.js';
import * as matching from './matching/matching.presenter.js';
import * as me from './me/me.presenter.js';
import * as messages from './messages/messages.presenter.js';
import * as moderation from './moderation/moderation.presenter.js';
import * as needs from './needs/needs.presenter.js';
import * as notifications from './notifications/notifications.presenter.js';
import * as offers from './offers/offers.presenter.js';
import * as organisations from './organisations/organisations.presenter.js';
import * as people from './people/people.presenter.js';
import * as pledges from './pledges/pledges.presenter.js';
import * as projects from './projects/projects.presenter.js';
import * as comments from './social/comments.presenter.js';
import * as feed from './social/feed.presenter.js';
import * as follows from './social/follows.presenter.js';
import * as reactions from './social/reactions.presenter.js';
import * as territories from './territories/territories.presenter.js';

/** The presenters whose `Z…` response schemas are named OpenAPI components (see openapi.document.ts). */
export const apiPresenters: readonly Record<string, unknown>[] = [
  admin, adminLogs, boards, caisses, home, impact, matching, me, messages, moderation, needs, notifications,
  offers, organisations, people, pledges, projects, comments, feed, follows, reactions, territories,
];
