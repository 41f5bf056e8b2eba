import type { RoleGrantView } from '../../platform/http/context.js';

/**
 * The one place that says who may act where. Every policy asks these questions; no module reads
 * `actor.roles` itself. Grants are platform-wide (`caisseId === null`, admins only) or scoped to
 * one caisse (staff, moderator, delegate, caisse admin).
 */
export type ScopeActor = { id: string; roles: readonly RoleGrantView[] } | null;

/** A platform admin: an admin grant without a caisse. */
export function isPlatformAdmin(actor: ScopeActor): boolean {
  return actor?.roles.some((r) => r.role === 'admin' && r.caisseId === null) ?? false;
}

function caisseIdsWith(actor: ScopeActor, roles: ReadonlySet<string>): string[] {
  return [...new Set((actor?.roles ?? []).filter((r) => roles.has(r.role) && r.caisseId !== null).map((r) => r.caisseId!))];
}

const STAFF: ReadonlySet<string> = new Set(['staff', 'admin']);
/** Caisse staff moderate their own caisse's territories too (issue 10: the caisse space lists their reports). */
const MODERATING: ReadonlySet<string> = new Set(['moderator', 'staff', 'admin']);
const DELEGATE: ReadonlySet<string> = new Set(['delegate']);

/** Caisses whose staff space this actor works in (staff or caisse admin grants). */
export function staffCaisseIds(actor: ScopeActor): string[] {
  return caisseIdsWith(actor, STAFF);
}

/** Caisses this actor moderates for (moderator, staff or caisse admin grants; delegates do not). */
export function moderatedCaisseIds(actor: ScopeActor): string[] {
  return caisseIdsWith(actor, MODERATING);
}

/** Caisses this actor is a delegate of (current term only: expired grants never load). */
export function delegateCaisseIds(actor: ScopeActor): string[] {
  return caisseIdsWith(actor, DELEGATE);
}

export function isStaffOf(actor: ScopeActor, caisseId: string): boolean {
  return staffCaisseIds(actor).includes(caisseId);
}

export function isModeratorOf(actor: ScopeActor, caisseId: string): boolean {
  return moderatedCaisseIds(actor).includes(caisseId);
}

export function isDelegateOf(actor: ScopeActor, caisseId: string): boolean {
  return delegateCaisseIds(actor).includes(caisseId);
}

/** Staff of one of the caisses serving a territory (staff of other caisses are strangers there). */
export function isStaffServing(actor: ScopeActor, servingCaisseIds: readonly string[]): boolean {
  return staffCaisseIds(actor).some((id) => servingCaisseIds.includes(id));
}

/** Moderates content of a territory served by these caisses; content no caisse serves is for platform admins. */
export function moderatesIn(actor: ScopeActor, servingCaisseIds: readonly string[]): boolean {
  return isPlatformAdmin(actor) || moderatedCaisseIds(actor).some((id) => servingCaisseIds.includes(id));
}

/** Staff of a serving caisse, or a platform admin: who acts for the caisse in a territory. */
export function actsForTerritory(actor: ScopeActor, servingCaisseIds: readonly string[]): boolean {
  return isPlatformAdmin(actor) || isStaffServing(actor, servingCaisseIds);
}

/** Staff of this caisse, or a platform admin. */
export function actsForCaisse(actor: ScopeActor, caisseId: string): boolean {
  return isPlatformAdmin(actor) || isStaffOf(actor, caisseId);
}

/** What the header may offer: computed once, views never read roles. */
export function navAbilities(actor: ScopeActor) {
  return {
    admin: isPlatformAdmin(actor),
    moderation: isPlatformAdmin(actor) || moderatedCaisseIds(actor).length > 0,
    staffSpace: isPlatformAdmin(actor) || staffCaisseIds(actor).length > 0,
  };
}
export type NavAbilities = ReturnType<typeof navAbilities>;
