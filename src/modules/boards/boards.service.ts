import { newId } from '../../db/ids.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { needsWithProgressByProject, type NeedWithProgress } from '../needs/needs.service.js';
import { openNeedSummary } from '../projects/projects.list.service.js';
import { presentCard } from '../projects/projects.presenter.js';
import { presentOffer, type TerritoryNames } from '../offers/offers.presenter.js';
import { territoryNames } from '../offers/offers.service.js';
import { activitiesRepository } from '../social/activities.repository.js';
import { followState } from '../social/follows.service.js';
import type { FollowState } from '../social/follows.presenter.js';
import type { BoardItemType } from './boards.domain.js';
import { boardsRepository } from './boards.repository.js';
import type { BoardItemRow, BoardListRow } from './boards.types.js';
import { BOARD_LIMITS, boardAbilities, canCurate, canEditBoard, canViewBoard, curatingCaisses, keyOf, moveOne, reorderPlan, type BoardAbilities, type ItemKey, type PolicyBoard } from './boards.policy.js';
import { presentBoard, type BoardDetailView, type BoardItemView, type BoardView } from './boards.presenter.js';
import type { TAddItemBody, TBoardListQuery, TCreateBoardBody, TMoveBody, TSaveToBoardForm, TUpdateBoardBody } from './boards.schemas.js';
import { isPlatformAdmin, navAbilities, staffCaisseIds } from '../access/access.scope.js';
import { accessRepository } from '../access/access.repository.js';

export type BoardPage = { items: BoardView[]; nextCursor: string | null };

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/** Making boards and filling them is public content: a verified address is required. */
function author(actor: Actor | null): Actor {
  const me = signedIn(actor);
  if (!me.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  return me;
}

const policyBoard = (row: BoardListRow | (Omit<PolicyBoard, 'hidden'> & { hiddenAt: Date | null })): PolicyBoard => ({
  ownerId: row.ownerId, visibility: row.visibility, curated: row.curated, caisseId: row.caisseId, hidden: row.hiddenAt !== null,
});

type Access = { row: BoardListRow; serving: string[]; can: BoardAbilities };

/** A board this actor may see; anything else (unknown, private, hidden) is the same BOARD_NOT_FOUND. */
async function viewable(deps: Pick<Deps, 'db'>, actor: Actor | null, id: string): Promise<Access> {
  const row = await boardsRepository.findById(deps.db, id);
  if (!row) throw new AppError('BOARD_NOT_FOUND');
  const serving = await accessRepository.servingCaisseIds(deps.db, row.territoryId);
  if (!canViewBoard(actor, policyBoard(row), serving)) throw new AppError('BOARD_NOT_FOUND');
  return { row, serving, can: boardAbilities(actor, policyBoard(row), serving) };
}

/** A board this actor may change: seeing it without the right to edit is FORBIDDEN. */
async function editable(deps: Pick<Deps, 'db'>, actor: Actor | null, id: string): Promise<Access & { me: Actor }> {
  const me = signedIn(actor);
  const access = await viewable(deps, me, id);
  if (!canEditBoard(me, policyBoard(access.row), access.serving)) throw new AppError('FORBIDDEN');
  return { ...access, me };
}

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

async function territoryOf(deps: Deps, slug: string): Promise<{ id: string; slug: string }> {
  const territory = await boardsRepository.territoryBySlug(deps.db, slug);
  if (!territory) throw validationError({ territory: { key: 'validation.choice' } });
  return territory;
}

/** The caisse a curated board is made for: the one named (if the author may), else the author's first serving caisse. */
async function curatingCaisse(deps: Deps, me: Actor, serving: string[], caisseSlug: string | undefined): Promise<string> {
  if (!canCurate(me, serving)) {
    // Staff choosing a territory their caisse does not serve made a wrong choice; anyone else may not curate at all.
    const staff = navAbilities(me).staffSpace;
    throw staff ? validationError({ territory: { key: 'boards.validation.notServed' } }) : new AppError('FORBIDDEN');
  }
  const allowed = isPlatformAdmin(me) ? serving : curatingCaisses(me, serving);
  if (!caisseSlug) return allowed[0]!;
  const caisse = await boardsRepository.caisseBySlug(deps.db, caisseSlug);
  if (!caisse || !allowed.includes(caisse.id)) throw validationError({ caisse: { key: 'validation.choice' } });
  return caisse.id;
}

/** A person makes a board (200 at most); caisse staff may make it a curated board of a territory their caisse serves. */
export async function createBoard(deps: Deps, actor: Actor | null, input: TCreateBoardBody): Promise<string> {
  const me = author(actor);
  const territory = input.territory ? await territoryOf(deps, input.territory) : null;
  let caisseId: string | null = null;
  if (input.curated) caisseId = await curatingCaisse(deps, me, await accessRepository.servingCaisseIds(deps.db, territory!.id), input.caisse);
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await boardsRepository.lockOwner(tx, me.id);
    if ((await boardsRepository.countByOwner(tx, me.id)) >= BOARD_LIMITS.boardsPerPerson) throw new AppError('BOARD_LIMIT_REACHED', { limit: BOARD_LIMITS.boardsPerPerson });
    await boardsRepository.insert(tx, {
      id, ownerId: me.id, title: input.title, description: input.description, language: input.language, visibility: input.visibility, curated: input.curated, territoryId: territory?.id ?? null, caisseId,
    });
  });
  return id;
}

export async function updateBoard(deps: Deps, actor: Actor | null, id: string, input: TUpdateBoardBody): Promise<void> {
  const { row } = await editable(deps, actor, id);
  let territoryId: string | null | undefined;
  if (input.territory === null) {
    if (row.curated) throw validationError({ territory: { key: 'validation.required' } });
    territoryId = null;
  } else if (input.territory !== undefined) {
    const territory = await territoryOf(deps, input.territory);
    // A curated board stays with a territory its caisse serves.
    if (row.curated && row.caisseId && !(await accessRepository.servingCaisseIds(deps.db, territory.id)).includes(row.caisseId)) throw validationError({ territory: { key: 'validation.choice' } });
    territoryId = territory.id;
  }
  const { territory: _t, ...rest } = input;
  await boardsRepository.update(deps.db, id, { ...rest, ...(territoryId !== undefined ? { territoryId } : {}) });
}

export async function deleteBoard(deps: Deps, actor: Actor | null, id: string): Promise<void> {
  await editable(deps, actor, id);
  await boardsRepository.delete(deps.db, id);
}

/**
 * Saves a public project or an active offer into a board (at the end; 500 at most). Saving it
 * again changes nothing but its note (when one is given). Returns whether it was new.
 */
export async function addItem(deps: Deps, actor: Actor | null, boardId: string, input: TAddItemBody): Promise<{ created: boolean }> {
  const { me } = await editable(deps, author(actor), boardId);
  const item = await boardsRepository.availableItem(deps.db, input.itemType, input.itemId);
  if (!item) throw validationError({ itemId: { key: 'boards.validation.unavailable' } });
  return deps.db.transaction(async (tx) => {
    const board = await boardsRepository.lock(tx, boardId);
    if (!board) throw new AppError('BOARD_NOT_FOUND');
    const current = await boardsRepository.items(tx, boardId);
    if (current.some((i) => i.itemType === input.itemType && i.itemId === input.itemId)) {
      if (input.note) await boardsRepository.setNote(tx, boardId, input.itemType, input.itemId, input.note);
      return { created: false };
    }
    if (current.length >= BOARD_LIMITS.itemsPerBoard) throw new AppError('BOARD_FULL', { limit: BOARD_LIMITS.itemsPerBoard });
    const position = current.reduce((max, i) => Math.max(max, i.position + 1), 0);
    await boardsRepository.insertItem(tx, { boardId, itemType: input.itemType, itemId: input.itemId, position, note: input.note, addedBy: me.id });
    await boardsRepository.touch(tx, boardId);
    if (board.visibility === 'public' && board.hiddenAt === null) {
      await activitiesRepository.record(tx, {
        kind: 'board_item_added', actorId: me.id, subjectType: 'board', subjectId: boardId, territoryId: board.territoryId ?? item.territoryId,
        data: { title: board.title, itemType: input.itemType, itemId: input.itemId, itemTitle: item.title },
      });
    }
    return { created: true };
  });
}

/** One item as it now shows in the board (for the API's answer). */
export async function itemView(deps: Deps, actor: Actor | null, boardId: string, key: ItemKey, locale: Locale): Promise<BoardItemView> {
  const item = (await getBoard(deps, actor, boardId, locale)).items.find((i) => keyOf(i) === keyOf(key));
  if (!item) throw new AppError('NOT_FOUND');
  return item;
}

export async function removeItem(deps: Deps, actor: Actor | null, boardId: string, key: ItemKey): Promise<void> {
  await editable(deps, actor, boardId);
  await deps.db.transaction(async (tx) => {
    if (await boardsRepository.deleteItem(tx, boardId, key.itemType, key.itemId)) await boardsRepository.touch(tx, boardId);
  });
}

/** Rewrites the order of the board's visible items in one transaction (hidden ones keep theirs, after). */
export async function reorderItems(deps: Deps, actor: Actor | null, boardId: string, requested: ItemKey[]): Promise<void> {
  await editable(deps, actor, boardId);
  await deps.db.transaction(async (tx) => {
    if (!(await boardsRepository.lock(tx, boardId))) throw new AppError('BOARD_NOT_FOUND');
    const rows = await boardsRepository.items(tx, boardId);
    const plan = reorderPlan(rows, new Set(rows.filter((r) => r.visible).map(keyOf)), requested);
    if (!plan) throw validationError({ items: { key: 'boards.validation.order' } });
    await boardsRepository.setPositions(tx, boardId, plan);
    await boardsRepository.touch(tx, boardId);
  });
}

/** Moves one item a step up or down (the "Move up / Move down" buttons); returns its new 0-based rank. */
export async function moveItem(deps: Deps, actor: Actor | null, boardId: string, input: TMoveBody): Promise<{ position: number; count: number }> {
  await editable(deps, actor, boardId);
  return deps.db.transaction(async (tx) => {
    if (!(await boardsRepository.lock(tx, boardId))) throw new AppError('BOARD_NOT_FOUND');
    const rows = await boardsRepository.items(tx, boardId);
    const visible = rows.filter((r) => r.visible);
    const index = visible.findIndex((r) => keyOf(r) === keyOf(input));
    if (index < 0) throw validationError({ itemId: { key: 'boards.validation.notInBoard' } });
    const next = moveOne(visible, input, input.direction);
    if (!next) return { position: index, count: visible.length };
    await boardsRepository.setPositions(tx, boardId, [...next, ...rows.filter((r) => !r.visible)]);
    await boardsRepository.touch(tx, boardId);
    return { position: next.findIndex((r) => keyOf(r) === keyOf(input)), count: visible.length };
  });
}

/** The save-to-board form: into one of my boards, or into a new one made on the spot. Returns the board's id. */
export async function saveToBoard(deps: Deps, actor: Actor | null, input: TSaveToBoardForm, language: Locale): Promise<{ boardId: string; created: boolean }> {
  const me = author(actor);
  if (!(await boardsRepository.availableItem(deps.db, input.itemType, input.itemId))) throw validationError({ itemId: { key: 'boards.validation.unavailable' } });
  const boardId = input.boardId === 'new'
    ? await createBoard(deps, me, { title: input.newTitle!, description: '', language, visibility: 'public', curated: false, territory: undefined, caisse: undefined })
    : input.boardId;
  if (input.boardId !== 'new') {
    // Only one's own boards are offered; anything else reads as a bad choice.
    const choices = await boardsRepository.choicesFor(deps.db, me.id, input.itemType, input.itemId);
    if (!choices.some((c) => c.id === boardId)) throw validationError({ boardId: { key: 'validation.choice' } });
  }
  const { created } = await addItem(deps, me, boardId, { itemType: input.itemType, itemId: input.itemId, note: input.note });
  return { boardId, created };
}

/** The title of something one may save (a public project, an active offer), or NOT_FOUND. */
export async function savableTitle(deps: Deps, itemType: BoardItemType, itemId: string): Promise<string> {
  const item = await boardsRepository.availableItem(deps.db, itemType, itemId);
  if (!item) throw new AppError(itemType === 'project' ? 'PROJECT_NOT_FOUND' : 'OFFER_NOT_FOUND');
  return item.title;
}

export type SaveToBoardData = {
  itemType: BoardItemType;
  itemId: string;
  /** Null for a visitor (the form becomes a sign-in link). */
  boards: { id: string; title: string; hasItem: boolean }[] | null;
  returnTo: string;
};

/** The save-to-board section of a project or offer page, or null when it cannot be saved (not public, hidden, paused). */
export async function saveToBoardSection(deps: Deps, actor: Actor | null, itemType: BoardItemType, itemId: string, returnTo: string): Promise<SaveToBoardData | null> {
  if (!(await boardsRepository.availableItem(deps.db, itemType, itemId))) return null;
  return saveToBoardData(deps, actor, itemType, itemId, returnTo);
}

/** What the save-to-board form on a project or offer page needs. */
export async function saveToBoardData(deps: Deps, actor: Actor | null, itemType: BoardItemType, itemId: string, returnTo: string): Promise<SaveToBoardData> {
  return { itemType, itemId, returnTo, boards: actor ? await boardsRepository.choicesFor(deps.db, actor.id, itemType, itemId) : null };
}

export type CuratorOption = { territorySlug: string; territoryName: string; caisseSlug: string; caisseName: string };

/** Territory × caisse pairs this person may make curated boards for (empty for everyone but caisse staff and admins). */
export async function curatorOptions(deps: Deps, actor: Actor | null, locale: Locale): Promise<CuratorOption[]> {
  if (!actor) return [];
  const scope = isPlatformAdmin(actor) ? 'all' : staffCaisseIds(actor);
  const rows = await boardsRepository.curatableTerritories(deps.db, scope);
  return rows.map((r) => ({ territorySlug: r.slug, territoryName: locale === 'en' ? r.nameEn : r.nameFr, caisseSlug: r.caisseSlug, caisseName: r.caisseName }));
}
