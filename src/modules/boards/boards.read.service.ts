import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { needsWithProgressByProject, type NeedWithProgress } from '../needs/needs.service.js';
import { openNeedSummary } from '../projects/projects.list.service.js';
import { presentCard } from '../projects/projects.presenter.js';
import { presentOffer, type TerritoryNames } from '../offers/offers.presenter.js';
import { territoryNames } from '../offers/offers.service.js';
import { followState } from '../social/follows.service.js';
import type { FollowState } from '../social/follows.presenter.js';
import { boardsRepository } from './boards.repository.js';
import type { BoardItemRow } from './boards.types.js';
import { presentBoard, type BoardDetailView, type BoardItemView, type BoardView } from './boards.presenter.js';
import type { TBoardListQuery } from './boards.schemas.js';
import { isPlatformAdmin, staffCaisseIds } from '../access/access.scope.js';
import { signedIn, viewable } from './boards.access.js';

export type BoardPage = { items: BoardView[]; nextCursor: string | null };

/**
 * Public boards, most recently changed first, filtered by territory, curated or owner; `mine`
 * lists the caller's own boards, private and hidden ones included (so does `owner=<my handle>`).
 */
export async function listBoards(deps: Deps, actor: Actor | null, locale: Locale, query: TBoardListQuery): Promise<BoardPage> {
  const empty = { items: [], nextCursor: null };
  let ownerId: string | undefined;
  if (query.mine) ownerId = signedIn(actor).id;
  else if (query.owner) ownerId = await boardsRepository.userIdByHandle(deps.db, query.owner);
  if (query.owner && !query.mine && !ownerId) return empty;
  const territoryId = query.territory ? (await boardsRepository.territoryBySlug(deps.db, query.territory))?.id : undefined;
  if (query.territory && !territoryId) return empty;
  const includePrivate = actor !== null && ownerId === actor.id;
  const rows = await boardsRepository.list(deps.db, { ownerId, includePrivate, territoryId, curated: query.curated }, query.limit, decodeCursor(query.cursor));
  const result = page(rows, query.limit, (r) => ({ at: r.cursorAt, id: r.id }));
  return { items: result.items.map((r) => presentBoard(r, locale, actor)), nextCursor: result.nextCursor };
}

/** The curated boards of a territory, for its page. */
export async function curatedBoardsFor(deps: Deps, territoryId: string, locale: Locale, limit = 6): Promise<BoardView[]> {
  const rows = await boardsRepository.list(deps.db, { includePrivate: false, territoryId, curated: true }, limit);
  return rows.slice(0, limit).map((r) => presentBoard(r, locale, null));
}

/** Cards of the visible items, in the board's order (content hidden since is silently left out). */
async function presentItems(deps: Deps, rows: BoardItemRow[], locale: Locale, viewer: Actor | null): Promise<BoardItemView[]> {
  const shown = rows.filter((r) => r.visible);
  const projectIds = shown.filter((r) => r.itemType === 'project').map((r) => r.itemId);
  const offerIds = shown.filter((r) => r.itemType === 'offer').map((r) => r.itemId);
  const [cards, offers, needs, names] = await Promise.all([
    boardsRepository.projectCards(deps.db, projectIds),
    boardsRepository.offerRecords(deps.db, offerIds),
    projectIds.length ? needsWithProgressByProject(deps, projectIds) : new Map<string, NeedWithProgress[]>(),
    offerIds.length ? territoryNames(deps) : (new Map() as TerritoryNames),
  ]);
  const cardById = new Map(cards.map((c) => [c.id, c]));
  const offerById = new Map(offers.map((o) => [o.id, o]));
  const items: BoardItemView[] = [];
  for (const r of shown) {
    const card = r.itemType === 'project' ? cardById.get(r.itemId) : undefined;
    const offer = r.itemType === 'offer' ? offerById.get(r.itemId) : undefined;
    if (!card && !offer) continue;
    items.push({
      itemType: r.itemType, itemId: r.itemId, position: items.length, note: r.note, addedAt: r.createdAt.toISOString(),
      project: card ? presentCard(card, openNeedSummary(needs.get(card.id) ?? []), locale) : null,
      offer: offer ? presentOffer(offer, names, locale, viewer) : null,
    });
  }
  return items;
}

export async function getBoard(deps: Deps, actor: Actor | null, id: string, locale: Locale): Promise<BoardDetailView> {
  const { row, can } = await viewable(deps, actor, id);
  const items = await presentItems(deps, await boardsRepository.items(deps.db, id), locale, actor);
  return { ...presentBoard(row, locale, actor), itemCount: items.length, items, can };
}

export async function getBoardSummary(deps: Deps, actor: Actor | null, id: string, locale: Locale): Promise<BoardView> {
  return presentBoard((await viewable(deps, actor, id)).row, locale, actor);
}

/** The follow button's state: whether the caller follows the board, and how many people do. */
export async function boardFollowState(deps: Deps, actor: Actor | null, id: string): Promise<FollowState> {
  return followState(deps, actor, 'board', id);
}

export type CuratorOption = { territorySlug: string; territoryName: string; caisseSlug: string; caisseName: string };

/** Territory × caisse pairs this person may make curated boards for (empty for everyone but caisse staff and admins). */
export async function curatorOptions(deps: Deps, actor: Actor | null, locale: Locale): Promise<CuratorOption[]> {
  if (!actor) return [];
  const scope = isPlatformAdmin(actor) ? 'all' : staffCaisseIds(actor);
  const rows = await boardsRepository.curatableTerritories(deps.db, scope);
  return rows.map((r) => ({ territorySlug: r.slug, territoryName: locale === 'en' ? r.nameEn : r.nameFr, caisseSlug: r.caisseSlug, caisseName: r.caisseName }));
}
