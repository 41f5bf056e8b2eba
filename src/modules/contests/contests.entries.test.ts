import { describe, expect, it } from 'vitest';
import { computeEntries, ineligibility, type ActionRow } from './contests.entries.js';

const period = { startsAt: new Date('2026-10-01T04:00:00Z'), endsAt: new Date('2026-11-01T04:00:00Z') };
const oct = (d: number) => new Date(`2026-10-${String(d).padStart(2, '0')}T15:00:00Z`);
const rules = [{ action: 'pledge_fulfilled' as const, entries: 1 }, { action: 'project_update_published' as const, entries: 2 }, { action: 'profile_completed' as const, entries: 1 }];

describe('entries from recorded actions', () => {
  it('counts one entry per fulfilled pledge in the period and ignores those before or after', () => {
    const rows: ActionRow[] = [
      { userId: 'u1', action: 'pledge_fulfilled', subjectId: 'p1', at: oct(3) },
      { userId: 'u1', action: 'pledge_fulfilled', subjectId: 'p2', at: oct(20) },
      { userId: 'u1', action: 'pledge_fulfilled', subjectId: 'p3', at: new Date('2026-09-30T12:00:00Z') },
      { userId: 'u1', action: 'pledge_fulfilled', subjectId: 'p4', at: new Date('2026-11-01T04:00:00Z') },
    ];
    const e = computeEntries(rows, rules, 10, period).get('u1')!;
    expect(e.entries).toBe(2);
    expect(e.earnedBy).toEqual([{ action: 'pledge_fulfilled', actions: 2, entries: 2 }]);
  });

  it('weights each action by its rule, counts a complete page once, and caps the total', () => {
    const rows: ActionRow[] = [
      { userId: 'u2', action: 'project_update_published', subjectId: 'a', at: oct(5) },
      { userId: 'u2', action: 'project_update_published', subjectId: 'b', at: oct(6) },
      { userId: 'u2', action: 'profile_completed', subjectId: 'u2', at: oct(8) },
      { userId: 'u2', action: 'profile_completed', subjectId: 'u2', at: oct(8) },
      { userId: 'u2', action: 'pledge_fulfilled', subjectId: 'p', at: oct(7) },
      { userId: 'u2', action: 'pledge_fulfilled', subjectId: 'p', at: oct(7) },
    ];
    const e = computeEntries(rows, rules, 5, period).get('u2')!;
    expect(e.uncapped).toBe(6);
    expect(e.entries).toBe(5);
  });

  it('counts a page completed in the period, and not one completed before it', () => {
    const rows: ActionRow[] = [
      { userId: 'early', action: 'profile_completed', subjectId: 'early', at: new Date('2026-09-15T12:00:00Z') },
      { userId: 'during', action: 'profile_completed', subjectId: 'during', at: oct(12) },
    ];
    const e = computeEntries(rows, rules, 5, period);
    expect(e.has('early')).toBe(false);
    expect(e.get('during')!.earnedBy).toEqual([{ action: 'profile_completed', actions: 1, entries: 1 }]);
  });

  it('ignores actions the contest does not reward', () => {
    const only = computeEntries([{ userId: 'u3', action: 'project_update_published', subjectId: 'x', at: oct(9) }], [{ action: 'pledge_fulfilled', entries: 1 }], 5, period);
    expect(only.size).toBe(0);
  });
});

describe('eligibility', () => {
  const contest = { minAge: 18, membersOnly: true, territoryIds: ['t1'], endsAt: period.endsAt };
  const adult = { birthYear: 1990, emailVerified: true, territoryId: 't1', active: true, organiserStaff: false };
  it('accepts a verified adult of the territory', () => expect(ineligibility(adult, contest)).toEqual([]));
  it('checks the birth year against the year the period ends', () => {
    expect(ineligibility({ ...adult, birthYear: 2008 }, contest)).toEqual([]);
    expect(ineligibility({ ...adult, birthYear: 2009 }, contest)).toEqual(['under_age']);
    expect(ineligibility({ ...adult, birthYear: null }, contest)).toEqual(['age_unknown']);
  });
  it('excludes the organising caisse’s staff, unverified accounts and other territories', () => {
    expect(ineligibility({ ...adult, organiserStaff: true }, contest)).toEqual(['organiser_staff']);
    expect(ineligibility({ ...adult, emailVerified: false }, contest)).toEqual(['not_member']);
    expect(ineligibility({ ...adult, emailVerified: false }, { ...contest, membersOnly: false })).toEqual([]);
    expect(ineligibility({ ...adult, territoryId: 't2' }, contest)).toEqual(['outside_territory']);
  });
});
