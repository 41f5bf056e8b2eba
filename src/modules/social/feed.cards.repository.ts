import { param, sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { photoUrl } from '../me/me.presenter.js';
import { imageSources } from '../projects/projects.images.js';
import { presentReactions } from './reactions.presenter.js';
import type { ReactionKind } from './social.domain.js';
import type { ActivityRow } from './feed.types.js';
import type { FeedCard } from './feed.presenter.js';
import { cardSubject, plainExcerpt, type CardRefType } from './feed.cards.js';

/** What a card shows of one subject (a project, an update, an offer, a board or a call), read in one batch. */
export type CardRow = {
  ref_type: CardRefType;
  ref_id: string;
  summary: string | null;
  lang: Locale | null;
  cover_key: string | null;
  cover_alt: string | null;
  cover_width: number | null;
  cover_height: number | null;
  likes: number;
  bravos: number;
  wants: number;
  mine: ReactionKind[] | null;
  comments: number;
};
export type AvatarRow = { id: string; photo_key: string | null; photo_visibility: string | null };

const reactionCols = (type: string, idCol: string) => sql.raw(`
  (SELECT count(*) FROM reactions r WHERE r.target_type = '${type}' AND r.target_id = ${idCol} AND r.kind = 'like')::int AS likes,
  (SELECT count(*) FROM reactions r WHERE r.target_type = '${type}' AND r.target_id = ${idCol} AND r.kind = 'bravo')::int AS bravos,
  (SELECT count(*) FROM reactions r WHERE r.target_type = '${type}' AND r.target_id = ${idCol} AND r.kind = 'want_to_help')::int AS wants,
  (SELECT count(*) FROM comments c WHERE c.target_type = '${type}' AND c.target_id = ${idCol} AND c.deleted_at IS NULL AND c.hidden_at IS NULL)::int AS comments`);
const mineCol = (type: string, idCol: string, viewer: string | null) =>
  viewer ? sql`(SELECT array_agg(r.kind) FROM reactions r WHERE r.target_type = ${type} AND r.target_id = ${sql.raw(idCol)} AND r.user_id = ${viewer}) AS mine` : sql`NULL::text[] AS mine`;
const COVER = sql.raw(`LEFT JOIN LATERAL (SELECT i.storage_key, i.alt, i.width, i.height FROM project_images i WHERE i.project_id = p.id
    ORDER BY (i.id = p.cover_image_id) DESC, i.position, i.created_at LIMIT 1) cv ON true`);
const COVER_COLS = sql.raw('cv.storage_key AS cover_key, cv.alt AS cover_alt, cv.width AS cover_width, cv.height AS cover_height');
const NO_COUNTS = sql.raw('0 AS likes, 0 AS bravos, 0 AS wants, 0 AS comments, NULL::text[] AS mine');
const ids = (list: Set<string>) => param([...list]);

const feedCardsRepository = {
  /**
   * Summaries, covers, reaction and comment counts (and the viewer's own reactions) of every subject
   * on a feed page, plus the actors' photos: one round trip whatever the page's size (no N+1).
   */
  async load(db: Db, refs: { project: Set<string>; update: Set<string>; offer: Set<string>; board: Set<string>; call: Set<string>; actor: Set<string> }, viewerId: string | null): Promise<{ cards: CardRow[]; avatars: AvatarRow[] }> {
    const rows = await execRows<CardRow & { avatar_id: string | null; photo_key: string | null; photo_visibility: string | null }>(db, sql`
      SELECT 'project' AS ref_type, p.id AS ref_id, p.summary, p.language AS lang, ${COVER_COLS}, ${reactionCols('project', 'p.id')}, ${mineCol('project', 'p.id', viewerId)}, NULL AS avatar_id, NULL AS photo_key, NULL AS photo_visibility
        FROM projects p ${COVER} WHERE p.id = ANY(${ids(refs.project)}::text[])
      UNION ALL
      SELECT 'update', u.id, left(u.body, 400), p.language, ${COVER_COLS}, ${reactionCols('update', 'u.id')}, ${mineCol('update', 'u.id', viewerId)}, NULL, NULL, NULL
        FROM project_updates u JOIN projects p ON p.id = u.project_id ${COVER} WHERE u.id = ANY(${ids(refs.update)}::text[])
      UNION ALL
      SELECT 'offer', o.id, left(o.description, 400), o.language, NULL, NULL, NULL, NULL, ${NO_COUNTS}, NULL, NULL, NULL
        FROM offers o WHERE o.id = ANY(${ids(refs.offer)}::text[])
      UNION ALL
      SELECT 'board', b.id, left(b.description, 400), b.language, NULL, NULL, NULL, NULL, ${NO_COUNTS}, NULL, NULL, NULL
        FROM boards b WHERE b.id = ANY(${ids(refs.board)}::text[])
      UNION ALL
      SELECT 'call', c.id, left(c.description, 400), c.language, NULL, NULL, NULL, NULL, ${NO_COUNTS}, NULL, NULL, NULL
        FROM calls c WHERE c.id = ANY(${ids(refs.call)}::text[])
      UNION ALL
      SELECT 'actor', NULL, NULL, NULL, NULL, NULL, NULL, NULL, ${NO_COUNTS}, us.id, us.photo_key, us.privacy->>'photo'
        FROM users us WHERE us.id = ANY(${ids(refs.actor)}::text[])`);
    const cards: CardRow[] = [];
    const avatars: AvatarRow[] = [];
    for (const r of rows) {
      if (r.avatar_id) avatars.push({ id: r.avatar_id, photo_key: r.photo_key, photo_visibility: r.photo_visibility });
      else cards.push(r);
    }
    return { cards, avatars };
  },
};

/** The cards of a page's groups (the newest activity of each stands for it), from one batched read. */
export async function loadCards(db: Db, heads: ActivityRow[], actorIds: string[], viewerId: string | null): Promise<{ card: (head: ActivityRow) => FeedCard; photo: (actorId: string) => string | null }> {
  const refs = { project: new Set<string>(), update: new Set<string>(), offer: new Set<string>(), board: new Set<string>(), call: new Set<string>(), actor: new Set(actorIds) };
  for (const h of heads) {
    const s = cardSubject(h);
    if (s) refs[s.type].add(s.id);
    if (h.project_id) refs.project.add(h.project_id);
  }
  const empty = Object.values(refs).every((s) => s.size === 0);
  const { cards, avatars } = empty ? { cards: [], avatars: [] } : await feedCardsRepository.load(db, refs, viewerId);
  const byRef = new Map(cards.map((c) => [`${c.ref_type}:${c.ref_id}`, c]));
  const photos = new Map(avatars.map((a) => [a.id, a.photo_key && (a.photo_visibility === 'public' || (a.photo_visibility === 'members' && viewerId !== null)) ? photoUrl(a.photo_key) : null]));
  return {
    photo: (id) => photos.get(id) ?? null,
    card: (head) => {
      const s = cardSubject(head);
      const row = s ? byRef.get(`${s.type}:${s.id}`) : undefined;
      const project = head.project_id ? byRef.get(`project:${head.project_id}`) : undefined;
      const cover = row?.cover_key ? row : project?.cover_key ? project : undefined;
      return {
        summary: row?.summary ? plainExcerpt(row.summary) : null,
        lang: row?.lang ?? project?.lang ?? null,
        image: cover?.cover_key ? { ...imageSources({ storageKey: cover.cover_key, width: cover.cover_width ?? 0, height: cover.cover_height ?? 0 }), alt: cover.cover_alt ?? '' } : null,
        reactions: s?.target && row ? presentReactions(s.target, s.id, { like: row.likes, bravo: row.bravos, want_to_help: row.wants }, row.mine ?? []) : null,
        comments: s?.target && row ? { count: row.comments, projectId: head.project_id ?? s.id, updateId: s.target === 'update' ? s.id : null } : null,
      };
    },
  };
}
