import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { boardsRepository } from './boards.repository.js';
import type { BoardListRow } from './boards.types.js';
import { boardAbilities, canEditBoard, canViewBoard, type BoardAbilities, type PolicyBoard } from './boards.policy.js';
import { accessRepository } from '../access/access.repository.js';

/** Loading a board for an actor: who may see it, who may change it (boards use cases share these). */

export function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/** Making boards and filling them is public content: a verified address is required. */
export function author(actor: Actor | null): Actor {
  const me = signedIn(actor);
  if (!me.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  return me;
}

const policyBoard = (row: BoardListRow | (Omit<PolicyBoard, 'hidden'> & { hiddenAt: Date | null })): PolicyBoard => ({
  ownerId: row.ownerId, visibility: row.visibility, curated: row.curated, caisseId: row.caisseId, hidden: row.hiddenAt !== null,
});

type Access = { row: BoardListRow; serving: string[]; can: BoardAbilities };

/** A board this actor may see; anything else (unknown, private, hidden) is the same BOARD_NOT_FOUND. */
export async function viewable(deps: Pick<Deps, 'db'>, actor: Actor | null, id: string): Promise<Access> {
  const row = await boardsRepository.findById(deps.db, id);
  if (!row) throw new AppError('BOARD_NOT_FOUND');
  const serving = await accessRepository.servingCaisseIds(deps.db, row.territoryId);
  if (!canViewBoard(actor, policyBoard(row), serving)) throw new AppError('BOARD_NOT_FOUND');
  return { row, serving, can: boardAbilities(actor, policyBoard(row), serving) };
}

/** A board this actor may change: seeing it without the right to edit is FORBIDDEN. */
export async function editable(deps: Pick<Deps, 'db'>, actor: Actor | null, id: string): Promise<Access & { me: Actor }> {
  const me = signedIn(actor);
  const access = await viewable(deps, me, id);
  if (!canEditBoard(me, policyBoard(access.row), access.serving)) throw new AppError('FORBIDDEN');
  return { ...access, me };
}
