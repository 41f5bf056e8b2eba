import { describe, expect, it } from 'vitest';
import { campaignAbilities, matchingCaisseIds } from './crowdfunding.policy.js';

const person = (roles: { role: string; caisseId: string | null }[] = []) => ({ id: 'u', roles: roles.map((r) => ({ ...r, expiresAt: null })) }) as never;
const ctx = { onTeam: false, servingCaisseIds: ['A'] };

describe('campaign abilities', () => {
  it('lets the team manage, not confirm or match', () => {
    expect(campaignAbilities(person(), { ...ctx, onTeam: true })).toEqual({ manage: true, confirm: false, match: false });
  });
  it('lets staff of a serving caisse confirm and match, not manage', () => {
    expect(campaignAbilities(person([{ role: 'staff', caisseId: 'A' }]), ctx)).toEqual({ manage: false, confirm: true, match: true });
  });
  it('gives staff of another caisse and moderators nothing', () => {
    expect(campaignAbilities(person([{ role: 'staff', caisseId: 'B' }]), ctx)).toEqual({ manage: false, confirm: false, match: false });
    expect(campaignAbilities(person([{ role: 'moderator', caisseId: 'A' }]), ctx)).toEqual({ manage: false, confirm: false, match: false });
  });
  it('gives visitors nothing and platform admins everything', () => {
    expect(campaignAbilities(null, ctx)).toEqual({ manage: false, confirm: false, match: false });
    expect(campaignAbilities(person([{ role: 'admin', caisseId: null }]), ctx)).toEqual({ manage: true, confirm: true, match: true });
  });
  it('matches only on behalf of serving caisses', () => {
    expect(matchingCaisseIds(person([{ role: 'staff', caisseId: 'A' }, { role: 'staff', caisseId: 'B' }]), ctx)).toEqual(['A']);
  });
});
