import type { FieldVisibility } from '../auth/auth.domain.js';
import type { offers } from './offers.tables.js';

export type OfferRow = typeof offers.$inferSelect;
export type NewOffer = typeof offers.$inferInsert;
/** An offer with what its presenter needs: the owner, their territory's visibility, and the organisation. */
export type OfferRecord = OfferRow & {
  /** createdAt with its microseconds, for an exact keyset cursor. */
  cursorAt: string;
  owner: { handle: string; displayName: string; territoryId: string | null; territoryVisibility: FieldVisibility };
  organisation: { slug: string; name: string; territoryId: string | null; partner: boolean } | null;
};
export type OfferListFilters = {
  kind?: string | undefined;
  q?: string | undefined;
  territoryId?: string | undefined;
  organisationId?: string | undefined;
  ownerId?: string | undefined;
  /** Lists show active offers only, except an owner's own list. */
  activeOnly: boolean;
  /** Whether the viewer is signed in (an owner's territory seen by members counts for them). */
  signedIn: boolean;
  /** Offers hidden by moderation are left out, except from their owner's and organisation's own lists. */
  includeHidden?: boolean;
};
