import type { Actor } from '../../platform/http/context.js';
import type { Role } from '../auth/auth.domain.js';
import { actsForCaisse, isPlatformAdmin, isStaffOf } from '../access/access.scope.js';

/** Who is asking, as far as the rules care: their id and their role grants. `null` is a visitor. */
export type PolicyActor = Pick<Actor, 'id' | 'roles'> | null;

/** The caisse fields its own staff may change; name and served territories stay with admins. */
const STAFF_EDITABLE_CAISSE_FIELDS = ['descriptionFr', 'descriptionEn', 'address', 'website', 'requiresApproval'] as const;
const staffEditable: ReadonlySet<string> = new Set(STAFF_EDITABLE_CAISSE_FIELDS);

export function canManageTerritories(actor: PolicyActor): boolean {
  return isPlatformAdmin(actor);
}

export function canCreateCaisse(actor: PolicyActor): boolean {
  return isPlatformAdmin(actor);
}

/** Admins manage every caisse; a caisse's own staff may edit its public details. */
export function canManageCaisse(actor: PolicyActor, caisseId: string): boolean {
  return actsForCaisse(actor, caisseId);
}

/** Whether this actor may change every one of these caisse fields (staff: details only). */
export function canEditCaisseFields(actor: PolicyActor, caisseId: string, fields: readonly string[]): boolean {
  if (isPlatformAdmin(actor)) return true;
  return isStaffOf(actor, caisseId) && fields.every((f) => staffEditable.has(f));
}

export function canGrantRole(actor: PolicyActor, _role: Role, _caisseId: string | null): boolean {
  return isPlatformAdmin(actor);
}

export function canRevokeRole(actor: PolicyActor): boolean {
  return isPlatformAdmin(actor);
}

export function canViewOutbox(actor: PolicyActor): boolean {
  return isPlatformAdmin(actor);
}

export function canViewAudit(actor: PolicyActor): boolean {
  return isPlatformAdmin(actor);
}

/** What a caisse edit form may offer this actor. */
export function caisseAbilities(actor: PolicyActor, caisseId: string) {
  return { edit: canManageCaisse(actor, caisseId), editName: isPlatformAdmin(actor), editTerritories: isPlatformAdmin(actor) };
}
export type CaisseAbilities = ReturnType<typeof caisseAbilities>;

/**
 * Whether an admin may revoke this grant, given the platform admin grants locked in the same
 * transaction: the actor must still be an admin, and an admin grant is never the last one.
 */
export function revokeRefusal(actorId: string, grant: { id: string; role: Role; caisseId: string | null }, lockedAdminGrants: readonly { id: string; userId: string }[]): 'FORBIDDEN' | 'LAST_ADMIN' | null {
  if (!lockedAdminGrants.some((g) => g.userId === actorId)) return 'FORBIDDEN';
  const isAdminGrant = grant.role === 'admin' && grant.caisseId === null;
  if (isAdminGrant && lockedAdminGrants.filter((g) => g.id !== grant.id).length === 0) return 'LAST_ADMIN';
  return null;
}
