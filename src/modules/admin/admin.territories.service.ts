import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { audit } from '../../platform/audit.js';
import { newId } from '../../db/ids.js';
import { territoriesRepository, type TerritoryRow } from '../territories/territories.repository.js';
import { canManageTerritories } from './admin.policy.js';
import { adminTerritoriesRepository, type TerritoryPatch } from './admin.territories.repository.js';
import type { TTerritoryCreateBody, TTerritoryPatchBody } from './admin.schemas.js';
import { rolloutRepository } from '../territories/territories.rollout.repository.js';

export type TerritoryWithParent = { row: TerritoryRow; parentSlug: string | null };

function assertCanManage(actor: Actor): void {
  if (!canManageTerritories(actor)) throw new AppError('FORBIDDEN');
}

/** Every territory with its parent's slug, in display order. */
export async function listTerritories(deps: Deps, actor: Actor): Promise<TerritoryWithParent[]> {
  assertCanManage(actor);
  const rows = await territoriesRepository.list(deps.db);
  const slugById = new Map(rows.map((r) => [r.id, r.slug]));
  return rows.map((row) => ({ row, parentSlug: row.parentId ? (slugById.get(row.parentId) ?? null) : null }));
}

export async function getTerritory(deps: Deps, actor: Actor, slug: string): Promise<TerritoryWithParent> {
  assertCanManage(actor);
  const row = await territoriesRepository.findBySlug(deps.db, slug);
  if (!row) throw new AppError('TERRITORY_NOT_FOUND', { slug });
  const parent = row.parentId ? await territoriesRepository.findById(deps.db, row.parentId) : undefined;
  return { row, parentSlug: parent?.slug ?? null };
}

export async function createTerritory(deps: Deps, actor: Actor, input: TTerritoryCreateBody): Promise<TerritoryWithParent> {
  assertCanManage(actor);
  const parent = input.parent ? await territoriesRepository.findBySlug(deps.db, input.parent) : undefined;
  if (input.parent && !parent) throw validationError({ parent: { key: 'validation.choice' } });
  return deps.db.transaction(async (tx) => {
    const row = await adminTerritoriesRepository.insert(tx, {
      id: newId(), slug: input.slug, kind: input.kind, parentId: parent?.id ?? null, nameFr: input.nameFr, nameEn: input.nameEn,
      descriptionFr: input.descriptionFr, descriptionEn: input.descriptionEn, rolloutState: input.rolloutState, position: input.position ?? 0,
    });
    if (!row) throw new AppError('SLUG_TAKEN', { field: 'slug' });
    await audit(tx, { actorId: actor.id, action: 'territory.create', subjectType: 'territory', subjectId: row.id, data: { slug: row.slug, rolloutState: row.rolloutState } });
    return { row, parentSlug: parent?.slug ?? null };
  });
}

/** The new parent's id; refuses a parent that is the territory itself or one of its descendants. */
async function resolveParent(deps: Deps, territory: TerritoryRow, parentSlug: string | null): Promise<{ id: string | null; slug: string | null }> {
  if (parentSlug === null) return { id: null, slug: null };
  const all = await territoriesRepository.list(deps.db);
  const byId = new Map(all.map((r) => [r.id, r]));
  const parent = all.find((r) => r.slug === parentSlug);
  if (!parent) throw validationError({ parent: { key: 'validation.choice' } });
  for (let cursor: TerritoryRow | undefined = parent; cursor; cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined) {
    if (cursor.id === territory.id) throw validationError({ parent: { key: 'admin.territories.parentCycle' } });
  }
  return { id: parent.id, slug: parent.slug };
}

/** Applies the given fields; a rollout change and the other edits are audited separately. */
export async function updateTerritory(deps: Deps, actor: Actor, slug: string, input: TTerritoryPatchBody): Promise<TerritoryWithParent> {
  assertCanManage(actor);
  return deps.db.transaction(async (tx) => {
    const current = await adminTerritoriesRepository.findForUpdate(tx, slug);
    if (!current) throw new AppError('TERRITORY_NOT_FOUND', { slug });
    const currentParent = current.parentId ? await territoriesRepository.findById(tx, current.parentId) : undefined;
    const parent = input.parent === undefined ? { id: current.parentId, slug: currentParent?.slug ?? null } : await resolveParent({ ...deps, db: tx }, current, input.parent);
    const wanted: TerritoryPatch = {
      nameFr: input.nameFr, nameEn: input.nameEn, descriptionFr: input.descriptionFr, descriptionEn: input.descriptionEn,
      position: input.position, rolloutState: input.rolloutState, parentId: parent.id,
    };
    const patch = Object.fromEntries(Object.entries(wanted).filter(([key, value]) => value !== undefined && value !== current[key as keyof TerritoryPatch])) as TerritoryPatch;
    if (Object.keys(patch).length === 0) return { row: current, parentSlug: parent.slug };
    const row = (await adminTerritoriesRepository.update(tx, current.id, patch))!;
    if (patch.rolloutState) {
      // Same history as the rollout form (ADR 0015): an immediate change replaces any schedule.
      await rolloutRepository.cancelPending(tx, row.id);
      await rolloutRepository.insertChange(tx, { territoryId: row.id, fromState: current.rolloutState, toState: row.rolloutState, effectiveAt: row.updatedAt, appliedAt: row.updatedAt, createdBy: actor.id });
      await audit(tx, { actorId: actor.id, action: 'territory.rollout', subjectType: 'territory', subjectId: row.id, data: { from: current.rolloutState, to: row.rolloutState } });
    }
    const edited = Object.keys(patch).filter((k) => k !== 'rolloutState');
    if (edited.length) await audit(tx, { actorId: actor.id, action: 'territory.update', subjectType: 'territory', subjectId: row.id, data: { fields: edited } });
    return { row, parentSlug: parent.slug };
  });
}
