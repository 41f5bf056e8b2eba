import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { audit } from '../../platform/audit.js';
import type { Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { caisseAbilities, canCreateCaisse, canEditCaisseFields, canManageCaisse, type CaisseAbilities } from './admin.policy.js';
import { adminCaissesRepository, type CaissePatch, type CaisseRow } from './admin.caisses.repository.js';
import type { TCaisseCreateBody, TCaissePatchBody } from './admin.schemas.js';
import { isPlatformAdmin } from '../access/access.scope.js';

export type CaisseWithTerritories = { row: CaisseRow; territories: string[] };

/** Every caisse with the slugs of the territories it serves (admins). */
export async function listCaisses(deps: Deps, actor: Actor): Promise<CaisseWithTerritories[]> {
  if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN');
  const [rows, links] = await Promise.all([adminCaissesRepository.list(deps.db), adminCaissesRepository.allTerritoryLinks(deps.db)]);
  return rows.map((row) => ({ row, territories: links.filter((l) => l.caisseId === row.id).map((l) => l.slug) }));
}

export async function getCaisseForEdit(deps: Deps, actor: Actor, slug: string): Promise<CaisseWithTerritories & { can: CaisseAbilities }> {
  const row = await adminCaissesRepository.findBySlug(deps.db, slug);
  if (!row) throw new AppError('CAISSE_NOT_FOUND', { slug });
  if (!canManageCaisse(actor, row.id)) throw new AppError('FORBIDDEN');
  return { row, territories: await adminCaissesRepository.territorySlugs(deps.db, row.id), can: caisseAbilities(actor, row.id) };
}

/** Territory ids for these slugs; an unknown slug is a field error. */
async function territoryIds(db: Db, slugs: string[]): Promise<string[]> {
  const unique = [...new Set(slugs)];
  const ids = await adminCaissesRepository.territoryIdsBySlugs(db, unique);
  if (ids.size !== unique.length) throw validationError({ territories: { key: 'validation.choice' } });
  return unique.map((s) => ids.get(s)!);
}

export async function createCaisse(deps: Deps, actor: Actor, input: TCaisseCreateBody): Promise<CaisseWithTerritories> {
  if (!canCreateCaisse(actor)) throw new AppError('FORBIDDEN');
  const ids = await territoryIds(deps.db, input.territories);
  return deps.db.transaction(async (tx) => {
    const row = await adminCaissesRepository.insert(tx, {
      id: newId(), slug: input.slug, name: input.name, descriptionFr: input.descriptionFr, descriptionEn: input.descriptionEn,
      address: input.address, website: input.website ?? null, requiresApproval: input.requiresApproval,
    });
    if (!row) throw new AppError('SLUG_TAKEN', { field: 'slug' });
    await adminCaissesRepository.setTerritories(tx, row.id, ids);
    const territories = await adminCaissesRepository.territorySlugs(tx, row.id);
    await audit(tx, { actorId: actor.id, action: 'caisse.create', subjectType: 'caisse', subjectId: row.id, data: { slug: row.slug, territories } });
    return { row, territories };
  });
}

/**
 * Changes the fields given. Staff of the caisse may change its public details; its name and the
 * territories it serves stay with admins (a staff request touching them is refused whole).
 */
export async function updateCaisse(deps: Deps, actor: Actor, slug: string, input: TCaissePatchBody): Promise<CaisseWithTerritories> {
  const current = await adminCaissesRepository.findBySlug(deps.db, slug);
  if (!current) throw new AppError('CAISSE_NOT_FOUND', { slug });
  const fields = Object.keys(input).filter((k) => input[k as keyof TCaissePatchBody] !== undefined);
  if (!canManageCaisse(actor, current.id) || !canEditCaisseFields(actor, current.id, fields)) throw new AppError('FORBIDDEN');
  const ids = input.territories ? await territoryIds(deps.db, input.territories) : null;
  return deps.db.transaction(async (tx) => {
    const { territories: _t, ...details } = input;
    const patch = Object.fromEntries(Object.entries(details).filter(([k, v]) => v !== undefined && v !== current[k as keyof CaissePatch])) as CaissePatch;
    const row = Object.keys(patch).length ? (await adminCaissesRepository.update(tx, current.id, patch))! : current;
    if (Object.keys(patch).length) await audit(tx, { actorId: actor.id, action: 'caisse.update', subjectType: 'caisse', subjectId: row.id, data: { fields: Object.keys(patch) } });
    const before = await adminCaissesRepository.territorySlugs(tx, row.id);
    if (!ids) return { row, territories: before };
    await adminCaissesRepository.setTerritories(tx, row.id, ids);
    const after = await adminCaissesRepository.territorySlugs(tx, row.id);
    if (before.join() !== after.join()) await audit(tx, { actorId: actor.id, action: 'caisse.territories', subjectType: 'caisse', subjectId: row.id, data: { from: before, to: after } });
    return { row, territories: after };
  });
}
