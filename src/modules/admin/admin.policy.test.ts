import { describe, expect, it } from 'vitest';
import {
  canCreateCaisse, canEditCaisseFields, revokeRefusal, canGrantRole, canManageCaisse, canManageTerritories, canRevokeRole, canViewAudit, canViewOutbox, caisseAbilities, type PolicyActor,
} from './admin.policy.js';
import { isPlatformAdmin } from '../access/access.scope.js';

const A = 'caisse-a';
const B = 'caisse-b';
const who: Record<string, PolicyActor> = {
  visitor: null,
  citizen: { id: 'c', roles: [] },
  staffA: { id: 's', roles: [{ role: 'staff', caisseId: A }] },
  moderatorA: { id: 'm', roles: [{ role: 'moderator', caisseId: A }] },
  admin: { id: 'a', roles: [{ role: 'admin', caisseId: null }] },
};

describe('admin policies', () => {
  const adminOnly = { visitor: false, citizen: false, staffA: false, moderatorA: false, admin: true };
  it.each(Object.entries(adminOnly))('reserves platform-wide actions to admins (%s → %s)', (name, expected) => {
    const actor = who[name]!;
    expect(isPlatformAdmin(actor)).toBe(expected);
    expect(canManageTerritories(actor)).toBe(expected);
    expect(canCreateCaisse(actor)).toBe(expected);
    expect(canGrantRole(actor, 'staff', A)).toBe(expected);
    expect(canGrantRole(actor, 'admin', null)).toBe(expected);
    expect(canRevokeRole(actor)).toBe(expected);
    expect(canViewOutbox(actor)).toBe(expected);
    expect(canViewAudit(actor)).toBe(expected);
  });

  it('does not treat an admin grant scoped to a caisse as a platform admin', () => {
    expect(isPlatformAdmin({ id: 'x', roles: [{ role: 'admin', caisseId: A }] })).toBe(false);
  });

  const caisseMatrix: [string, string, boolean][] = [
    ['visitor', A, false], ['citizen', A, false], ['staffA', A, true], ['staffA', B, false], ['moderatorA', A, false], ['admin', A, true], ['admin', B, true],
  ];
  it.each(caisseMatrix)('lets %s manage caisse %s: %s', (name, caisseId, expected) => {
    expect(canManageCaisse(who[name]!, caisseId)).toBe(expected);
  });

  it('lets staff edit their caisse details but not its name or territories', () => {
    expect(canEditCaisseFields(who.staffA!, A, ['descriptionFr', 'address', 'website', 'requiresApproval'])).toBe(true);
    expect(canEditCaisseFields(who.staffA!, A, ['descriptionFr', 'territories'])).toBe(false);
    expect(canEditCaisseFields(who.staffA!, A, ['name'])).toBe(false);
    expect(canEditCaisseFields(who.staffA!, B, ['descriptionFr'])).toBe(false);
    expect(canEditCaisseFields(who.admin!, B, ['name', 'territories'])).toBe(true);
    expect(caisseAbilities(who.staffA!, A)).toEqual({ edit: true, editName: false, editTerritories: false });
    expect(caisseAbilities(who.admin!, A)).toEqual({ edit: true, editName: true, editTerritories: true });
    expect(caisseAbilities(who.citizen!, A)).toEqual({ edit: false, editName: false, editTerritories: false });
  });
});

describe('revoking a grant', () => {
  const adminA = { id: 'g-a', userId: 'a' };
  const adminB = { id: 'g-b', userId: 'b' };
  const staffGrant = { id: 'g-s', role: 'staff' as const, caisseId: A };

  it('lets an admin revoke a staff grant or another admin', () => {
    expect(revokeRefusal('a', staffGrant, [adminA])).toBeNull();
    expect(revokeRefusal('a', { id: 'g-b', role: 'admin', caisseId: null }, [adminA, adminB])).toBeNull();
  });

  it('lets an admin step down while another admin remains', () => {
    expect(revokeRefusal('a', { id: 'g-a', role: 'admin', caisseId: null }, [adminA, adminB])).toBeNull();
  });

  it('never removes the last admin grant', () => {
    expect(revokeRefusal('a', { id: 'g-a', role: 'admin', caisseId: null }, [adminA])).toBe('LAST_ADMIN');
  });

  it('refuses an actor who lost the admin role while waiting for the lock', () => {
    expect(revokeRefusal('b', { id: 'g-a', role: 'admin', caisseId: null }, [adminA])).toBe('FORBIDDEN');
    expect(revokeRefusal('b', staffGrant, [adminA])).toBe('FORBIDDEN');
  });
});
