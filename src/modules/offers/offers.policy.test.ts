import { describe, expect, it } from 'vitest';
import { canEditOffer, fallbackTerritoryId } from './offers.policy.js';

const owner = { id: 'owner', emailVerified: true };
const other = { id: 'other', emailVerified: true };

describe('editing an offer', () => {
  it('belongs to its owner, and to the representatives of the organisation it speaks for', () => {
    expect(canEditOffer(owner, { ownerId: 'owner', organisationId: null }, null)).toBe(true);
    expect(canEditOffer(other, { ownerId: 'owner', organisationId: null }, 'representative')).toBe(false);
    expect(canEditOffer(other, { ownerId: 'owner', organisationId: 'org' }, 'representative')).toBe(true);
    expect(canEditOffer(other, { ownerId: 'owner', organisationId: 'org' }, 'member')).toBe(false);
    expect(canEditOffer(null, { ownerId: 'owner', organisationId: null }, null)).toBe(false);
  });
});

describe('the territory of an offer that lists none', () => {
  const home = (territoryVisibility: 'public' | 'members' | 'private') => ({ territoryId: 'villeray', territoryVisibility });
  it('is the organisation’s, or the owner’s only as far as their privacy allows', () => {
    expect(fallbackTerritoryId({ organisationId: 'org' }, home('private'), { territoryId: 'plateau' }, null, 'owner')).toBe('plateau');
    expect(fallbackTerritoryId({ organisationId: null }, home('public'), null, null, 'owner')).toBe('villeray');
    expect(fallbackTerritoryId({ organisationId: null }, home('members'), null, null, 'owner')).toBeNull();
    expect(fallbackTerritoryId({ organisationId: null }, home('members'), null, other, 'owner')).toBe('villeray');
    expect(fallbackTerritoryId({ organisationId: null }, home('private'), null, other, 'owner')).toBeNull();
    expect(fallbackTerritoryId({ organisationId: null }, home('private'), null, owner, 'owner')).toBe('villeray');
  });
});
