import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError } from '../../platform/errors.js';
import { audit } from '../../platform/audit.js';
import { usersRepository } from '../auth/users.repository.js';
import { canGrantRole, canRevokeRole, revokeRefusal } from './admin.policy.js';
import { adminCaissesRepository } from './admin.caisses.repository.js';
import { rolesRepository, type RoleGrantListItem } from './roles.repository.js';
import type { TRoleGrantBody } from './admin.schemas.js';
import { isPlatformAdmin } from '../access/access.scope.js';
import { decodeCursor, page, type TListQuery } from '../../platform/pagination.js';

export async function listGrants(deps: Deps, actor: Actor): Promise<RoleGrantListItem[]> {
  if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN');
  return rolesRepository.list(deps.db);
}

/** The API's list: newest grants first, paged like every list (`limit`, `cursor`). */
export async function listGrantsPage(deps: Deps, actor: Actor, req: TListQuery): Promise<{ items: RoleGrantListItem[]; nextCursor: string | null }> {
  if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN');
  const rows = await rolesRepository.listPage(deps.db, req.limit, decodeCursor(req.cursor));
  return page(rows, req.limit, (r) => ({ at: r.createdAt, id: r.id }));
}

/** Staff and moderators belong to one caisse; admins are platform-wide (a caisse given is ignored). */
async function resolveScope(deps: Deps, input: TRoleGrantBody): Promise<{ id: string; slug: string } | null> {
  if (input.role === 'admin') return null;
  if (!input.caisse) throw new AppError('ROLE_SCOPE_REQUIRED', { field: 'caisse' });
  const caisse = await adminCaissesRepository.findBySlug(deps.db, input.caisse);
  if (!caisse) throw new AppError('CAISSE_NOT_FOUND', { field: 'caisse' });
  return { id: caisse.id, slug: caisse.slug };
}

async function applyGrant(deps: Deps, grantedBy: string | null, input: TRoleGrantBody, caisse: { id: string; slug: string } | null, via: 'admin' | 'cli'): Promise<{ grant: RoleGrantListItem; created: boolean }> {
  const user = await usersRepository.findByEmail(deps.db, input.email);
  if (!user || user.deletedAt) throw new AppError('USER_NOT_FOUND', { field: 'email' });
  return deps.db.transaction(async (tx) => {
    const created = await rolesRepository.grant(tx, { userId: user.id, role: input.role, caisseId: caisse?.id ?? null, grantedBy });
    if (created) await audit(tx, { actorId: grantedBy, action: 'role.grant', subjectType: 'user', subjectId: user.id, data: { role: input.role, caisse: caisse?.slug ?? null, via } });
    const grant = await rolesRepository.findListItem(tx, user.id, input.role, caisse?.id ?? null);
    return { grant: grant!, created };
  });
}

/** Grants a role to an existing account; granting it twice changes nothing. */
export async function grantRole(deps: Deps, actor: Actor, input: TRoleGrantBody): Promise<{ grant: RoleGrantListItem; created: boolean }> {
  if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN');
  const caisse = await resolveScope(deps, input);
  if (!canGrantRole(actor, input.role, caisse?.id ?? null)) throw new AppError('FORBIDDEN');
  return applyGrant(deps, actor.id, input, caisse, 'admin');
}

/** The command line runs with the operator's shell access: no actor, audited as `via: cli`. */
export async function grantRoleFromCli(deps: Deps, input: TRoleGrantBody): Promise<{ grant: RoleGrantListItem; created: boolean }> {
  return applyGrant(deps, null, input, await resolveScope(deps, input), 'cli');
}

/**
 * Revokes a grant. Platform admin grants are locked first, so two admins revoking each other
 * (or themselves) at the same moment can never leave the platform without an admin.
 */
export async function revokeRole(deps: Deps, actor: Actor, grantId: string): Promise<void> {
  if (!canRevokeRole(actor)) throw new AppError('FORBIDDEN');
  await deps.db.transaction(async (tx) => {
    const admins = await rolesRepository.lockAdminGrants(tx);
    const grant = await rolesRepository.findById(tx, grantId);
    if (!grant) throw new AppError('NOT_FOUND');
    const refusal = revokeRefusal(actor.id, grant, admins);
    if (refusal) throw new AppError(refusal);
    await rolesRepository.revoke(tx, grant.id);
    await audit(tx, { actorId: actor.id, action: 'role.revoke', subjectType: 'user', subjectId: grant.userId, data: { role: grant.role, caisseId: grant.caisseId } });
  });
}
