import { newId } from '../../db/ids.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { boardsRepository } from './boards.repository.js';
import { BOARD_LIMITS, canCurate, curatingCaisses } from './boards.policy.js';
import type { TCreateBoardBody, TUpdateBoardBody } from './boards.schemas.js';
import { isPlatformAdmin, navAbilities } from '../access/access.scope.js';
import { accessRepository } from '../access/access.repository.js';
import { author, editable } from './boards.access.js';

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
