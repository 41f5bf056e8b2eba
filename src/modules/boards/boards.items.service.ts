import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { activitiesRepository } from '../social/activities.repository.js';
import { boardsRepository } from './boards.repository.js';
import { BOARD_LIMITS, keyOf, moveOne, reorderPlan, type ItemKey } from './boards.policy.js';
import { type BoardItemView } from './boards.presenter.js';
import type { TAddItemBody, TMoveBody } from './boards.schemas.js';
import { author, editable } from './boards.access.js';
import { getBoard } from './boards.read.service.js';

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
