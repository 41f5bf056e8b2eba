import { describe, expect, it } from 'vitest';
import { campaignDatesValid, canApply, canManageDelegates, canSeeDelegateProjects, registrationOpen } from './delegates.policy.js';

type Grant = { role: 'staff' | 'moderator' | 'admin' | 'delegate'; caisseId: string | null };
const person = (roles: Grant[] = [], emailVerified = true) => ({ id: 'u', roles, emailVerified });
const campaign = { deadline: new Date('2026-12-20T04:59:59Z'), termStart: new Date('2027-01-01T05:00:00Z'), termEnd: new Date('2027-12-31T05:00:00Z') };

describe('delegate registration', () => {
  it('is open until the deadline, inclusive, then closed', () => {
    expect(registrationOpen(campaign, new Date('2026-12-04T12:00:00Z'))).toBe(true);
    expect(registrationOpen(campaign, campaign.deadline)).toBe(true);
    expect(registrationOpen(campaign, new Date('2026-12-20T05:00:00Z'))).toBe(false);
    expect(registrationOpen(null, new Date())).toBe(false);
  });

  it('lets a verified person apply once while open; never a visitor or an unverified account', () => {
    const now = new Date('2026-12-04T12:00:00Z');
    expect(canApply(person(), campaign, now, false)).toBe(true);
    expect(canApply(person(), campaign, now, true)).toBe(false);
    expect(canApply(person([], false), campaign, now, false)).toBe(false);
    expect(canApply(null, campaign, now, false)).toBe(false);
    expect(canApply(person(), campaign, new Date('2026-12-21T00:00:00Z'), false)).toBe(false);
  });

  it('needs a term that starts after the deadline and ends after it starts', () => {
    expect(campaignDatesValid(campaign)).toBeNull();
    expect(campaignDatesValid({ ...campaign, termStart: new Date('2026-12-01T00:00:00Z') })).toBe('termStart');
    expect(campaignDatesValid({ ...campaign, termEnd: campaign.termStart })).toBe('termEnd');
  });
});

describe('who manages delegates', () => {
  it('staff of this caisse and platform admins; not staff of another caisse, moderators or delegates', () => {
    expect(canManageDelegates(person([{ role: 'staff', caisseId: 'a' }]), 'a')).toBe(true);
    expect(canManageDelegates(person([{ role: 'admin', caisseId: null }]), 'a')).toBe(true);
    expect(canManageDelegates(person([{ role: 'staff', caisseId: 'b' }]), 'a')).toBe(false);
    expect(canManageDelegates(person([{ role: 'moderator', caisseId: 'a' }]), 'a')).toBe(false);
    expect(canManageDelegates(person([{ role: 'delegate', caisseId: 'a' }]), 'a')).toBe(false);
    expect(canManageDelegates(null, 'a')).toBe(false);
  });

  it('shows the projects to accompany to the caisse’s delegates and staff only', () => {
    expect(canSeeDelegateProjects(person([{ role: 'delegate', caisseId: 'a' }]), 'a')).toBe(true);
    expect(canSeeDelegateProjects(person([{ role: 'delegate', caisseId: 'b' }]), 'a')).toBe(false);
    expect(canSeeDelegateProjects(person([{ role: 'staff', caisseId: 'a' }]), 'a')).toBe(true);
    expect(canSeeDelegateProjects(person(), 'a')).toBe(false);
  });
});
