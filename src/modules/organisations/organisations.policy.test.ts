import { describe, expect, it } from 'vitest';
import { canDeclareCapacity, canEditOrganisation, canManageMembers, canSeeMember, canSignCharter } from './organisations.policy.js';

const person = { id: 'u1', roles: [], emailVerified: true };
const admin = { id: 'a1', roles: [{ role: 'admin' as const, caisseId: null }], emailVerified: true };
const unsigned = { charterSignedAt: null };

describe('who may act for an organisation', () => {
  it('lets representatives edit, manage members and declare capacity; admins only edit', () => {
    expect([canEditOrganisation(person, 'representative'), canManageMembers(person, 'representative'), canDeclareCapacity(person, 'representative')]).toEqual([true, true, true]);
    expect([canEditOrganisation(person, 'member'), canManageMembers(person, 'member'), canDeclareCapacity(person, 'member')]).toEqual([false, false, false]);
    expect([canEditOrganisation(admin, null), canManageMembers(admin, null), canDeclareCapacity(admin, null)]).toEqual([true, false, false]);
    expect(canEditOrganisation(null, null)).toBe(false);
  });

  it('has the charter signed once, by a representative in person', () => {
    expect(canSignCharter(person, 'representative', unsigned)).toBe(true);
    expect(canSignCharter(person, 'representative', { charterSignedAt: new Date() })).toBe(false);
    expect(canSignCharter(admin, null, unsigned)).toBe(false);
    expect(canSignCharter(person, 'member', unsigned)).toBe(false);
  });

  it('lists representatives to everyone and plain members only inside the organisation', () => {
    expect(canSeeMember(null, { role: 'representative' })).toBe(true);
    expect(canSeeMember(null, { role: 'member' })).toBe(false);
    expect(canSeeMember('member', { role: 'member' })).toBe(true);
  });
});
