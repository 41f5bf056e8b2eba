import type { Actor } from '../../platform/http/context.js';
import type { BoardItemType } from './boards.domain.js';
import { isPlatformAdmin, isStaffOf, isStaffServing, moderatesIn, staffCaisseIds } from '../access/access.scope.js';

/** Who is asking, as far as board rules care. `null` is a visitor. */
export type BoardActor = Pick<Actor, 'id' | 'roles'> | null;

/** What the rules need to know about a board. */
export type PolicyBoard = { ownerId: string | null; visibility: 'public' | 'private'; curated: boolean; caisseId: string | null; hidden: boolean };

export const BOARD_LIMITS = { boardsPerPerson: 200, itemsPerBoard: 500, titleMax: 120, descriptionMax: 2000, noteMax: 500 } as const;

/** Caisses (among those serving a territory) whose staff this actor is: staff or admin scoped to the caisse. */
export function curatingCaisses(actor: BoardActor, servingCaisseIds: readonly string[]): string[] {
  const mine = staffCaisseIds(actor);
  return servingCaisseIds.filter((id) => mine.includes(id));
}

/**
 * Curated boards are made for a territory by the staff of a caisse that serves it (global admins
 * may make them for any caisse serving it). A territory no caisse serves gets no curated board.
 */
export function canCurate(actor: BoardActor, servingCaisseIds: readonly string[]): boolean {
  if (servingCaisseIds.length === 0) return false;
  return isPlatformAdmin(actor) || curatingCaisses(actor, servingCaisseIds).length > 0;
}

/** Moderators of a board: global admins, and moderators/staff/admins of a caisse serving its territory. */
export function isBoardModerator(actor: BoardActor, servingCaisseIds: readonly string[]): boolean {
  return moderatesIn(actor, servingCaisseIds) || isStaffServing(actor, servingCaisseIds);
}

function isOwner(actor: BoardActor, board: Pick<PolicyBoard, 'ownerId'>): boolean {
  return actor !== null && board.ownerId === actor.id;
}

/**
 * Private boards exist for their owner only (everyone else, moderators included, gets 404); a
 * hidden board is seen by its owner and the moderators of its territory; the rest is public.
 */
export function canViewBoard(actor: BoardActor, board: PolicyBoard, servingCaisseIds: readonly string[]): boolean {
  if (isOwner(actor, board)) return true;
  if (board.visibility === 'private') return false;
  if (board.hidden) return isBoardModerator(actor, servingCaisseIds);
  return true;
}

/** The owner edits a board; a curated board may also be kept by its caisse's staff and by global admins. */
export function canEditBoard(actor: BoardActor, board: PolicyBoard, servingCaisseIds: readonly string[]): boolean {
  if (!actor || !canViewBoard(actor, board, servingCaisseIds)) return false;
  if (isOwner(actor, board)) return true;
  if (!board.curated) return false;
  return isPlatformAdmin(actor) || (board.caisseId !== null && isStaffOf(actor, board.caisseId));
}

export function boardAbilities(actor: BoardActor, board: PolicyBoard, servingCaisseIds: readonly string[]) {
  const edit = canEditBoard(actor, board, servingCaisseIds);
  return { edit, delete: edit, follow: actor !== null && !isOwner(actor, board) && board.visibility === 'public' && !board.hidden };
}
export type BoardAbilities = ReturnType<typeof boardAbilities>;

export type ItemKey = { itemType: BoardItemType; itemId: string };
export const keyOf = (i: ItemKey) => `${i.itemType}:${i.itemId}`;

/**
 * The new order of a board's items. `current` is every item in its stored order, `visible` the
 * keys the owner can see (hidden content is not shown, so it cannot be listed); `requested` must
 * list each visible item exactly once and nothing else. Hidden items keep their relative order
 * after the visible ones. Returns null when the request is not a valid permutation.
 */
export function reorderPlan(current: readonly ItemKey[], visible: ReadonlySet<string>, requested: readonly ItemKey[]): ItemKey[] | null {
  const seen = new Set<string>();
  for (const item of requested) {
    const key = keyOf(item);
    if (seen.has(key) || !visible.has(key)) return null;
    seen.add(key);
  }
  const currentKeys = new Set(current.map(keyOf));
  for (const key of visible) if (currentKeys.has(key) && !seen.has(key)) return null;
  if ([...seen].some((k) => !currentKeys.has(k))) return null;
  return [...requested.map((i) => ({ itemType: i.itemType, itemId: i.itemId })), ...current.filter((i) => !visible.has(keyOf(i)))];
}

/** Moves one visible item one step up or down among the visible ones; null when it cannot move. */
export function moveOne(visibleOrder: readonly ItemKey[], item: ItemKey, direction: 'up' | 'down'): ItemKey[] | null {
  const index = visibleOrder.findIndex((i) => keyOf(i) === keyOf(item));
  if (index < 0) return null;
  const target = direction === 'up' ? index - 1 : index + 1;
  if (target < 0 || target >= visibleOrder.length) return null;
  const next = [...visibleOrder];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
