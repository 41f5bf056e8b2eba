import type { Actor } from '../../platform/http/context.js';
import { actsForCaisse, isPlatformAdmin } from '../access/access.scope.js';
import type { OrganisationRole } from './organisations.domain.js';

export type OrganisationActor = Pick<Actor, 'id' | 'roles' | 'emailVerified'> | null;
/** The version tag of the charter before charters were kept per caisse (older signatures carry it). */
export const CHARTER_VERSION = 'charte-2026-11';

/** Owners and representatives speak for the organisation (sign, pledge on its honour, manage it). */
export function speaksFor(role: OrganisationRole | null): boolean {
  return role === 'owner' || role === 'representative';
}

export function canCreateOrganisation(actor: OrganisationActor): boolean {
  return actor?.emailVerified ?? false;
}

/** Owners and representatives edit their organisation; platform admins may correct it. */
export function canEditOrganisation(actor: OrganisationActor, role: OrganisationRole | null): boolean {
  return actor !== null && (speaksFor(role) || isPlatformAdmin(actor));
}

/** Owners and representatives bring people in (by handle or invitation) or change their role. */
export function canManageMembers(actor: OrganisationActor, role: OrganisationRole | null): boolean {
  return actor !== null && speaksFor(role);
}

/**
 * Who may give `target` to a person whose current role is `current`: only an owner touches the owner
 * role (making or unmaking one goes through a transfer), representatives manage the others.
 */
export function canSetRole(actorRole: OrganisationRole | null, current: OrganisationRole | null, target: OrganisationRole): boolean {
  if (!speaksFor(actorRole)) return false;
  if (target === 'owner' || current === 'owner') return false;
  return true;
}

/** Only the owner hands the organisation over, to someone already in it. */
export function canTransferOwnership(actorRole: OrganisationRole | null, recipientRole: OrganisationRole | null): boolean {
  return actorRole === 'owner' && recipientRole !== null && recipientRole !== 'owner';
}

/** Anyone may leave, except an owner: an organisation never stays without one (transfer first). */
export function canLeave(role: OrganisationRole | null): boolean {
  return role !== null && role !== 'owner';
}

/** The charter is a personal commitment of an owner or representative: nobody signs it for them, once per caisse and version. */
export function canSignCharter(actor: OrganisationActor, role: OrganisationRole | null, alreadySigned = false): boolean {
  return actor !== null && speaksFor(role) && !alreadySigned;
}

/** Standing capacities are declared by the organisation's owner or representatives. */
export function canDeclareCapacity(actor: OrganisationActor, role: OrganisationRole | null): boolean {
  return actor !== null && (actor.emailVerified ?? false) && speaksFor(role);
}

/** The partner dashboard: people of the organisation, staff of a caisse it partners with, platform admins. */
export function canSeeDashboard(actor: OrganisationActor, role: OrganisationRole | null, partnerCaisseIds: readonly string[]): boolean {
  if (!actor) return false;
  return role !== null || isPlatformAdmin(actor) || partnerCaisseIds.some((id) => actsForCaisse(actor, id));
}

/** Staff of the caisse (or a platform admin) suspend and reinstate its partnerships. */
export function canModeratePartnership(actor: OrganisationActor, caisseId: string): boolean {
  return actor !== null && actsForCaisse(actor, caisseId);
}

/**
 * Representatives and owners speak for the organisation in public, so they are listed to everyone;
 * belonging as a plain member is personal information, shown only to people of the same organisation.
 */
export function canSeeMember(viewerRole: OrganisationRole | null, member: { role: OrganisationRole }): boolean {
  return speaksFor(member.role) || viewerRole !== null;
}

export type OrganisationAbilities = { edit: boolean; manageMembers: boolean; signCharter: boolean; declareCapacity: boolean; transfer: boolean; leave: boolean; dashboard: boolean };

export function organisationAbilities(actor: OrganisationActor, role: OrganisationRole | null, partnerCaisseIds: readonly string[] = []): OrganisationAbilities {
  return {
    edit: canEditOrganisation(actor, role),
    manageMembers: canManageMembers(actor, role),
    signCharter: canSignCharter(actor, role),
    declareCapacity: canDeclareCapacity(actor, role),
    transfer: role === 'owner',
    leave: canLeave(role),
    dashboard: canSeeDashboard(actor, role, partnerCaisseIds),
  };
}
