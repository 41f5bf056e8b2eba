import type { Actor } from '../../platform/http/context.js';
import type { FieldVisibility } from '../auth/auth.domain.js';
import type { OrganisationRole } from '../organisations/organisations.domain.js';

export type OfferActor = Pick<Actor, 'id' | 'emailVerified'> | null;

export function canCreateOffer(actor: OfferActor): boolean {
  return actor?.emailVerified ?? false;
}

/** Its owner edits, pauses or deletes an offer; so do the representatives of the organisation it speaks for. */
export function canEditOffer(actor: OfferActor, offer: { ownerId: string; organisationId: string | null }, roleInOrganisation: OrganisationRole | null): boolean {
  if (!actor) return false;
  return actor.id === offer.ownerId || (offer.organisationId !== null && (roleInOrganisation === 'representative' || roleInOrganisation === 'owner'));
}

/**
 * An offer listing no territory serves its organisation's, or its owner's — the owner's only when
 * their profile lets this viewer see where they live.
 */
export function fallbackTerritoryId(
  offer: { organisationId: string | null },
  owner: { territoryId: string | null; territoryVisibility: FieldVisibility },
  organisation: { territoryId: string | null } | null,
  viewer: { id: string } | null,
  ownerId: string,
): string | null {
  if (offer.organisationId !== null) return organisation?.territoryId ?? null;
  const v = owner.territoryVisibility;
  const visible = v === 'public' || (v === 'members' && viewer !== null) || viewer?.id === ownerId;
  return visible ? owner.territoryId : null;
}
