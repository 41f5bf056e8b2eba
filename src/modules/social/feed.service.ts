import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale, T } from '../../platform/i18n/i18n.js';
import { decodeCursor, type Cursor } from '../../platform/pagination.js';
import { feedRepository, type ActivityRow, type FeedKeys } from './feed.repository.js';
import { groupedPage } from './feed.group.js';
import { presentFeedItem, type FeedItemView, type Why } from './feed.presenter.js';
import { followsRepository } from './follows.repository.js';
import { targetUrl } from './follows.presenter.js';
import { loadCards } from './feed.cards.repository.js';

export type FeedPage = { items: FeedItemView[]; nextCursor: string | null };
export type FeedTerritory = { id: string; slug: string; name: string };

/** Reasons by key, in the order they are tried: a followed project explains an item best, the neighbourhood least. */
type Reasons = { project: Map<string, Why>; user: Map<string, Why>; organisation: Map<string, Why>; board: Map<string, Why>; territory: Map<string, Why>; home: Map<string, Why> };

function whyOf(a: ActivityRow, r: Reasons): Why | undefined {
  return (a.project_id ? r.project.get(a.project_id) : undefined)
    ?? (a.actor_id ? r.user.get(a.actor_id) : undefined)
    ?? (a.organisation_id ? r.organisation.get(a.organisation_id) : undefined)
    ?? (a.subject_type === 'board' ? r.board.get(a.subject_id) : undefined)
    ?? (a.territory_id ? r.territory.get(a.territory_id) ?? r.home.get(a.territory_id) : undefined);
}

/** Groups a page's rows and dresses each group as a card (covers, excerpts, counts: one extra batched read). */
async function groupsToItems(deps: Pick<Deps, 'db'>, viewerId: string | null, groups: ActivityRow[][], why: (a: ActivityRow) => Why, t: T): Promise<FeedItemView[]> {
  const rows = groups.flat();
  const actorIds = [...new Set(rows.flatMap((r) => (r.actor_id && r.actor_handle ? [r.actor_id] : [])))];
  const { card, photo } = await loadCards(deps.db, groups.map((g) => g[0]!), actorIds, viewerId);
  return groups.map((group) => presentFeedItem(group, why(group[0]!), t, card(group[0]!), photo));
}

const named = (row: { name_fr: string; name_en: string }, locale: Locale) => (locale === 'en' ? row.name_en : row.name_fr);

/**
 * The signed-in person's feed: what they follow (people, projects, organisations, territories and
 * the ones below them, boards) and their home territory, newest first, each item with its reason.
 * Two round trips: what they follow, then the page and the territory names, in parallel.
 */
export async function followingFeed(deps: Pick<Deps, 'db'>, actor: Actor | null, locale: Locale, t: T, limit: number, cursor?: string): Promise<FeedPage & { followsSomething: boolean; home: FeedTerritory | null }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const after = decodeCursor(cursor);
  const [followed, home] = await Promise.all([followsRepository.allFollowed(deps.db, actor.id), feedRepository.homeTerritory(deps.db, actor.id)]);
  const reasons: Reasons = { project: new Map(), user: new Map(), organisation: new Map(), board: new Map(), territory: new Map(), home: new Map() };
  const followedTerritories = new Map<string, Why>();
  for (const f of followed) {
    const name = locale === 'en' ? f.label_en : f.label;
    if (!name) continue;
    const why: Why = { type: f.target_type, name, url: targetUrl(f.target_type, f.target_id, f.slug) };
    if (f.target_type === 'territory') followedTerritories.set(f.target_id, why);
    else reasons[f.target_type].set(f.target_id, why);
  }
  const roots = [...new Set([...followedTerritories.keys(), ...(home ? [home.id] : [])])];
  const keys: FeedKeys = { projectIds: [...reasons.project.keys()], actorIds: [...reasons.user.keys()], organisationIds: [...reasons.organisation.keys()], boardIds: [...reasons.board.keys()], territoryIds: roots };
  const [result, places] = await Promise.all([groupedPage((take, at: Cursor | undefined) => feedRepository.page(deps.db, keys, take, at), limit, after), feedRepository.withDescendants(deps.db, roots)]);
  const homeWhy: Why | null = home ? { type: 'home', name: named(home, locale), url: `/territoires/${home.slug}` } : null;
  for (const { id, root_id } of places) {
    const followedRoot = followedTerritories.get(root_id);
    if (followedRoot) reasons.territory.set(id, followedRoot);
    else if (homeWhy) reasons.home.set(id, homeWhy);
  }
  const fallback: Why = { type: 'place', name: '', url: null };
  return {
    items: await groupsToItems(deps, actor.id, result.groups, (a) => whyOf(a, reasons) ?? fallback, t),
    nextCursor: result.nextCursor,
    followsSomething: followed.length > 0,
    home: home ? { id: home.id, slug: home.slug, name: named(home, locale) } : null,
  };
}

/** A territory by slug, for its public feed. */
async function feedTerritory(deps: Pick<Deps, 'db'>, slug: string, locale: Locale): Promise<FeedTerritory> {
  const row = await feedRepository.territoryBySlug(deps.db, slug);
  if (!row) throw new AppError('TERRITORY_NOT_FOUND');
  return { id: row.id, slug: row.slug, name: named(row, locale) };
}

/** The public feed of a territory and the territories below it; each item says where it happened. */
export async function territoryFeed(deps: Pick<Deps, 'db'>, slug: string, locale: Locale, t: T, limit: number, cursor?: string, viewerId: string | null = null): Promise<FeedPage & { territory: FeedTerritory }> {
  const after = decodeCursor(cursor);
  const territory = await feedTerritory(deps, slug, locale);
  const keys: FeedKeys = { projectIds: [], actorIds: [], organisationIds: [], boardIds: [], territoryIds: [territory.id] };
  const [result, places] = await Promise.all([
    groupedPage((take, at: Cursor | undefined) => feedRepository.page(deps.db, keys, take, at), limit, after),
    feedRepository.withDescendants(deps.db, [territory.id]),
  ]);
  const names = new Map(places.map((r) => [r.id, r]));
  const whyFor = (a: ActivityRow): Why => {
    const place = a.territory_id ? names.get(a.territory_id) : undefined;
    return place ? { type: 'place', name: named(place, locale), url: `/territoires/${place.slug}` } : { type: 'place', name: territory.name, url: `/territoires/${territory.slug}` };
  };
  return { items: await groupsToItems(deps, viewerId, result.groups, whyFor, t), nextCursor: result.nextCursor, territory };
}
