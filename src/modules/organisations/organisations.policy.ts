import type { Actor } from '../../platform/http/context.js';
import type { OrganisationRole } from './organisations.tables.js';

export type OrganisationActor = Pick<Actor, 'id' | 'roles' | 'emailVerified'> | null;
/** The honour charter's text version, stored with each signature. */
export const CHARTER_VERSION = 'charte-2026-11';

export function isPlatformAdmin(actor: OrganisationActor): boolean {
  return actor?.roles.some((r) => r.role === 'admin' && r.caisseId === null) ?? false;
}

export function canCreateOrganisation(actor: OrganisationActor): boolean {
  return actor?.emailVerified ?? false;
}

/** Representatives edit their organisation; platform admins may correct it. */
export function canEditOrganisation(actor: OrganisationActor, role: OrganisationRole | null): boolean {
  return actor !== null && (role === 'representative' || isPlatformAdmin(actor));
}

/** Only representatives bring people in or change their role. */
export function canManageMembers(actor: OrganisationActor, role: OrganisationRole | null): boolean {
  return actor !== null && role === 'representative';
}

/** The charter is a personal commitment of a representative: nobody signs it for them, and once is enough. */
export function canSignCharter(actor: OrganisationActor, role: OrganisationRole | null, organisation: { charterSignedAt: Date | null }): boolean {
  return actor !== null && role === 'representative' && organisation.charterSignedAt === null;
}

/** Standing capacity (offers on behalf of the organisation) is declared by its representatives. */
export function canDeclareCapacity(actor: OrganisationActor, role: OrganisationRole | null): boolean {
  return actor !== null && (actor.emailVerified ?? false) && role === 'representative';
}

/**
 * Representatives speak for the organisation in public, so they are listed to everyone; belonging
 * as a plain member is personal information, shown only to people of the same organisation.
 */
export function canSeeMember(viewerRole: OrganisationRole | null, member: { role: OrganisationRole }): boolean {
  return member.role === 'representative' || viewerRole !== null;
}

export type OrganisationAbilities = { edit: boolean; manageMembers: boolean; signCharter: boolean; declareCapacity: boolean };

export function organisationAbilities(actor: OrganisationActor, role: OrganisationRole | null, organisation: { charterSignedAt: Date | null }): OrganisationAbilities {
  return {
    edit: canEditOrganisation(actor, role),
    manageMembers: canManageMembers(actor, role),
    signCharter: canSignCharter(actor, role, organisation),
    declareCapacity: canDeclareCapacity(actor, role),
  };
}
