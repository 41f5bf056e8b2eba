import { z } from 'zod';
import type { T } from '../../platform/i18n/i18n.js';
import { ACTIVITY_KINDS } from './social.domain.js';
import { ZReactionSummary } from './reactions.presenter.js';
import type { ActivityRow } from './feed.types.js';

export const WHY_TYPES = ['project', 'user', 'organisation', 'territory', 'board', 'home', 'place'] as const;
export type WhyType = (typeof WHY_TYPES)[number];
/** Why an item is in this feed: what the reader follows, their neighbourhood, or the territory viewed. */
export type Why = { type: WhyType; name: string; url: string | null };

const ZPersonRef = z.object({ handle: z.string(), displayName: z.string(), photoUrl: z.string().nullable() });

/** What a card shows beyond the sentence: an excerpt, the project's cover, reactions and comments. */
export const ZFeedCard = z.object({
  summary: z.string().nullable(),
  /** The language the subject is written in (`fr`, `en`), when known. */
  lang: z.enum(['fr', 'en']).nullable(),
  image: z.object({ src: z.string(), srcset: z.string(), width: z.number().int(), height: z.number().int(), alt: z.string() }).nullable(),
  /** Reactions of the project or update the item is about (null for offers and boards). */
  reactions: ZReactionSummary.nullable(),
  comments: z.object({ count: z.number().int(), projectId: z.string(), updateId: z.string().nullable() }).nullable(),
});
export type FeedCard = z.output<typeof ZFeedCard>;
const NO_CARD: FeedCard = { summary: null, lang: null, image: null, reactions: null, comments: null };

export const ZFeedItem = z.object({
  /** The newest activity's id (a group carries all of them in `activityIds`). */
  id: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  /** How many activities this item stands for (> 1 when repetitive ones were grouped). */
  count: z.number().int(),
  activityIds: z.array(z.string()),
  at: z.string(),
  /** The sentence, translated ("3 neighbours followed through on their pledges to …"). */
  text: z.string(),
  url: z.string(),
  actors: z.array(ZPersonRef),
  project: z.object({ id: z.string(), title: z.string(), url: z.string() }).nullable(),
  why: z.object({ type: z.enum(WHY_TYPES), name: z.string(), url: z.string().nullable(), text: z.string() }),
  card: ZFeedCard,
});
export type FeedItemView = z.output<typeof ZFeedItem>;
export const ZFeedPage = z.object({ items: z.array(ZFeedItem), nextCursor: z.string().nullable() });

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Where an activity leads: its subject's page (a pledge is private, so its project's). */
export function activityUrl(a: Pick<ActivityRow, 'subject_type' | 'subject_id' | 'project_id'> & { data?: ActivityRow['data'] }): string {
  switch (a.subject_type) {
    case 'call':
      return `/appels/${encodeURIComponent(str(a.data?.slug) || a.subject_id)}`;
    case 'project':
      return `/projets/${a.subject_id}`;
    case 'update':
      return a.project_id ? `/projets/${a.project_id}#nouvelles` : '/projets';
    case 'need':
      return `/besoins/${a.subject_id}`;
    case 'offer':
      return `/offres/${a.subject_id}`;
    case 'board':
      return `/tableaux/${a.subject_id}`;
    default:
      return a.project_id ? `/projets/${a.project_id}` : '/fil';
  }
}

/** One feed item from a run of grouped activities (newest first), in the reader's language. */
export function presentFeedItem(group: ActivityRow[], why: Why, t: T, card: FeedCard = NO_CARD, photo: (actorId: string) => string | null = () => null): FeedItemView {
  const first = group[0]!;
  const actors = new Map<string, { handle: string; displayName: string; photoUrl: string | null }>();
  for (const a of group) if (a.actor_handle && a.actor_name) actors.set(a.actor_handle, { handle: a.actor_handle, displayName: a.actor_name, photoUrl: a.actor_id ? photo(a.actor_id) : null });
  const projectTitle = str(first.data.projectTitle);
  const params = {
    count: group.length,
    actor: first.actor_name ?? t('social.feed.someone'),
    project: projectTitle,
    title: str(first.data.title),
    need: str(first.data.needTitle),
    caisse: str(first.data.caisseName),
  };
  const text = group.length > 1 ? t(`social.feed.group.${first.kind}`, params) : t(`social.feed.kind.${first.kind}`, params);
  return {
    id: first.id,
    kind: first.kind,
    count: group.length,
    activityIds: group.map((a) => a.id),
    at: new Date(first.created_at).toISOString(),
    text,
    url: group.length > 1 && first.project_id ? `/projets/${first.project_id}` : activityUrl(first),
    actors: [...actors.values()].slice(0, 5),
    project: first.project_id ? { id: first.project_id, title: projectTitle, url: `/projets/${first.project_id}` } : null,
    why: { ...why, text: t(`social.feed.why.${why.type}`, { name: why.name }) },
    card,
  };
}
