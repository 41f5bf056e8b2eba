import { fr as platformFr } from './platform/i18n/fr.js';
import { en as platformEn } from './platform/i18n/en.js';
import * as auth from './modules/auth/auth.i18n.js';
import * as me from './modules/me/me.i18n.js';
import * as people from './modules/people/people.i18n.js';
import * as territories from './modules/territories/territories.i18n.js';
import * as caisses from './modules/caisses/caisses.i18n.js';
import * as home from './modules/home/home.i18n.js';
import * as admin from './modules/admin/admin.i18n.js';
import * as projects from './modules/projects/projects.i18n.js';
import * as needs from './modules/needs/needs.i18n.js';
import * as pledges from './modules/pledges/pledges.i18n.js';
import * as impact from './modules/impact/impact.i18n.js';
import * as organisations from './modules/organisations/organisations.i18n.js';
import * as offers from './modules/offers/offers.i18n.js';
import * as matching from './modules/matching/matching.i18n.js';
import * as messages from './modules/messages/messages.i18n.js';
import * as account from './modules/account/account.i18n.js';
import * as boards from './modules/boards/boards.i18n.js';
import * as moderation from './modules/moderation/moderation.i18n.js';
import * as notifications from './modules/notifications/notifications.i18n.js';
import * as notificationMail from './modules/notifications/notifications.mail.i18n.js';
import * as social from './modules/social/social.i18n.js';
import * as comments from './modules/social/comments.i18n.js';

type Tree = Record<string, unknown>;
const moduleCatalogues: { fr: Tree; en: Tree }[] = [auth, me, people, territories, caisses, home, admin, projects, needs, pledges, impact, organisations, offers, matching, messages, boards, notifications, notificationMail, moderation, social, comments, account];

/** Merges the platform catalogue with every module's; a top-level key may be defined once. */
function merge(base: Tree, parts: Tree[]): Tree {
  const out: Tree = { ...base };
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key in out) throw new Error(`i18n namespace "${key}" is defined twice`);
      out[key] = value;
    }
  }
  return out;
}

export const catalogues = {
  fr: merge(platformFr, moduleCatalogues.map((c) => c.fr)),
  en: merge(platformEn, moduleCatalogues.map((c) => c.en)),
};
