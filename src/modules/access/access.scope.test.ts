import { describe, expect, it } from 'vitest';
import type { RoleGrantView } from '../../platform/http/context.js';
import {
  actsForCaisse, actsForTerritory, delegateCaisseIds, isDelegateOf, isModeratorOf, isPlatformAdmin, isStaffOf, isStaffServing, moderatedCaisseIds, moderatesIn, navAbilities, staffCaisseIds,
  type ScopeActor,
} from './access.scope.js';

const A = 'caisse-a';
const B = 'caisse-b';
type Grant = RoleGrantView;
const person = (id: string, roles: Grant[] = []): ScopeActor => ({ id, roles });

const WHO = {
  visitor: null,
  citizen: person('c'),
  staffA: person('s', [{ role: 'staff', caisseId: A }]),
  moderatorA: person('m', [{ role: 'moderator', caisseId: A }]),
  delegateA: person('d', [{ role: 'delegate', caisseId: A }]),
  caisseAdminA: person('ca', [{ role: 'admin', caisseId: A }]),
  platformAdmin: person('pa', [{ role: 'admin', caisseId: null }]),
} satisfies Record<string, ScopeActor>;
type Who = keyof typeof WHO;

/** One row per actor: every question about caisse A, a territory served by A, and one served by B only. */
const MATRIX: Record<Who, { admin: boolean; staffA: boolean; staffB: boolean; modA: boolean; delegateA: boolean; servedByA: boolean; servedByB: boolean; moderatesA: boolean; moderatesB: boolean; moderatesNowhere: boolean }> = {
  visitor: { admin: false, staffA: false, staffB: false, modA: false, delegateA: false, servedByA: false, servedByB: false, moderatesA: false, moderatesB: false, moderatesNowhere: false },
  citizen: { admin: false, staffA: false, staffB: false, modA: false, delegateA: false, servedByA: false, servedByB: false, moderatesA: false, moderatesB: false, moderatesNowhere: false },
  staffA: { admin: false, staffA: true, staffB: false, modA: true, delegateA: false, servedByA: true, servedByB: false, moderatesA: true, moderatesB: false, moderatesNowhere: false },
  moderatorA: { admin: false, staffA: false, staffB: false, modA: true, delegateA: false, servedByA: false, servedByB: false, moderatesA: true, moderatesB: false, moderatesNowhere: false },
  delegateA: { admin: false, staffA: false, staffB: false, modA: false, delegateA: true, servedByA: false, servedByB: false, moderatesA: false, moderatesB: false, moderatesNowhere: false },
  caisseAdminA: { admin: false, staffA: true, staffB: false, modA: true, delegateA: false, servedByA: true, servedByB: false, moderatesA: true, moderatesB: false, moderatesNowhere: false },
  platformAdmin: { admin: true, staffA: false, staffB: false, modA: false, delegateA: false, servedByA: true, servedByB: true, moderatesA: true, moderatesB: true, moderatesNowhere: true },
};

describe('who may act where', () => {
  it.each(Object.keys(WHO) as Who[])('answers every scope question for %s', (name) => {
    const actor = WHO[name];
    const expected = MATRIX[name];
    expect({
      admin: isPlatformAdmin(actor),
      staffA: isStaffOf(actor, A),
      staffB: isStaffOf(actor, B),
      modA: isModeratorOf(actor, A),
      delegateA: isDelegateOf(actor, A),
      servedByA: actsForTerritory(actor, [A]),
      servedByB: actsForTerritory(actor, [B]),
      moderatesA: moderatesIn(actor, [B, A]),
      moderatesB: moderatesIn(actor, [B]),
      moderatesNowhere: moderatesIn(actor, []),
    }).toEqual(expected);
  });

  it('never treats an admin grant scoped to a caisse as a platform admin', () => {
    expect(isPlatformAdmin(WHO.caisseAdminA)).toBe(false);
    expect(actsForCaisse(WHO.caisseAdminA, B)).toBe(false);
    expect(actsForCaisse(WHO.platformAdmin, B)).toBe(true);
  });

  it('keeps staff of a serving caisse apart from platform admins', () => {
    expect(isStaffServing(WHO.platformAdmin, [A])).toBe(false);
    expect(isStaffServing(WHO.staffA, [B, A])).toBe(true);
    expect(isStaffServing(WHO.staffA, [])).toBe(false);
  });

  it('lists each caisse once, whatever grants name it', () => {
    const many = person('x', [{ role: 'staff', caisseId: A }, { role: 'admin', caisseId: A }, { role: 'moderator', caisseId: B }, { role: 'delegate', caisseId: B }, { role: 'admin', caisseId: null }]);
    expect(staffCaisseIds(many)).toEqual([A]);
    expect(moderatedCaisseIds(many).sort()).toEqual([A, B]);
    expect(delegateCaisseIds(many)).toEqual([B]);
    expect(staffCaisseIds(null)).toEqual([]);
  });

  it('computes header abilities from grants only', () => {
    expect(navAbilities(null)).toEqual({ admin: false, moderation: false, staffSpace: false });
    expect(navAbilities(WHO.citizen)).toEqual({ admin: false, moderation: false, staffSpace: false });
    expect(navAbilities(WHO.staffA)).toEqual({ admin: false, moderation: true, staffSpace: true });
    expect(navAbilities(WHO.moderatorA)).toEqual({ admin: false, moderation: true, staffSpace: false });
    expect(navAbilities(WHO.delegateA)).toEqual({ admin: false, moderation: false, staffSpace: false });
    expect(navAbilities(WHO.caisseAdminA)).toEqual({ admin: false, moderation: true, staffSpace: true });
    expect(navAbilities(WHO.platformAdmin)).toEqual({ admin: true, moderation: true, staffSpace: true });
  });
});
