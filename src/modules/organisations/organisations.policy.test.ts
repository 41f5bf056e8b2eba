import { describe, expect, it } from 'vitest';
import { canDeclareCapacity, canEditOrganisation, canLeave, canManageMembers, canModeratePartnership, canSeeDashboard, canSeeMember, canSetRole, canSignCharter, canTransferOwnership } from './organisations.policy.js';

const person = { id: 'u1', roles: [], emailVerified: true };
const admin = { id: 'a1', roles: [{ role: 'admin' as const, caisseId: null }], emailVerified: true };
const staffA = { id: 's1', roles: [{ role: 'staff' as const, caisseId: 'A' }], emailVerified: true };

describe('who may act for an organisation', () => {
  it('lets owners and representatives edit, manage members and declare capacity; admins only edit', () => {
    for (const role of ['owner', 'representative'] as const) {
      expect([canEditOrganisation(person, role), canManageMembers(person, role), canDeclareCapacity(person, role)]).toEqual([true, true, true]);
    }
    expect([canEditOrganisation(person, 'member'), canManageMembers(person, 'member'), canDeclareCapacity(person, 'member')]).toEqual([false, false, false]);
    expect([canEditOrganisation(admin, null), canManageMembers(admin, null), canDeclareCapacity(admin, null)]).toEqual([true, false, false]);
    expect(canEditOrganisation(null, null)).toBe(false);
  });

  it('has a charter signed once per version, by an owner or representative in person', () => {
    expect(canSignCharter(person, 'representative')).toBe(true);
    expect(canSignCharter(person, 'owner')).toBe(true);
    expect(canSignCharter(person, 'representative', true)).toBe(false);
    expect(canSignCharter(admin, null)).toBe(false);
    expect(canSignCharter(person, 'member')).toBe(false);
  });

  it('moves the owner role only by transfer, and never leaves an organisation without an owner', () => {
    expect(canSetRole('representative', 'member', 'representative')).toBe(true);
    expect(canSetRole('representative', 'owner', 'member')).toBe(false);
    expect(canSetRole('owner', 'member', 'owner')).toBe(false);
    expect(canSetRole('member', null, 'member')).toBe(false);
    expect(canTransferOwnership('owner', 'member')).toBe(true);
    expect(canTransferOwnership('owner', null)).toBe(false);
    expect(canTransferOwnership('representative', 'member')).toBe(false);
    expect([canLeave('owner'), canLeave('representative'), canLeave('member'), canLeave(null)]).toEqual([false, true, true, false]);
  });

  it('lets the caisse’s own staff (or an admin) moderate its partnerships and see the dashboard', () => {
    expect(canModeratePartnership(staffA, 'A')).toBe(true);
    expect(canModeratePartnership(staffA, 'B')).toBe(false);
    expect(canModeratePartnership(admin, 'B')).toBe(true);
    expect(canSeeDashboard(staffA, null, ['A'])).toBe(true);
    expect(canSeeDashboard(staffA, null, ['B'])).toBe(false);
    expect(canSeeDashboard(person, 'member', [])).toBe(true);
    expect(canSeeDashboard(person, null, ['A'])).toBe(false);
  });

  it('lists owners and representatives to everyone and plain members only inside the organisation', () => {
    expect(canSeeMember(null, { role: 'representative' })).toBe(true);
    expect(canSeeMember(null, { role: 'owner' })).toBe(true);
    expect(canSeeMember(null, { role: 'member' })).toBe(false);
    expect(canSeeMember('member', { role: 'member' })).toBe(true);
  });
});
