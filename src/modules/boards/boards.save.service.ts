import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { BoardItemType } from './boards.domain.js';
import { boardsRepository } from './boards.repository.js';
import type { TSaveToBoardForm } from './boards.schemas.js';
import { author } from './boards.access.js';
import { createBoard } from './boards.edit.service.js';
import { addItem } from './boards.items.service.js';

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
