import { describe, expect, it } from 'vitest';
import { canDraw, canEditContest, canPublishContest, canSeeContest, claimOpen, phaseOf } from './contests.policy.js';

const staffOf = (caisseId: string) => ({ id: 's', roles: [{ role: 'staff' as const, caisseId }] });
const moderatorOf = (caisseId: string) => ({ id: 'm', roles: [{ role: 'moderator' as const, caisseId }] });
const admin = { id: 'a', roles: [{ role: 'admin' as const, caisseId: null }] };
const citizen = { id: 'c', roles: [] };
const t0 = new Date('2026-10-01T04:00:00Z');
const t1 = new Date('2026-11-01T04:00:00Z');
const contest = (o: Partial<{ status: 'draft' | 'published'; drawnAt: Date | null }> = {}) => ({ caisseId: 'A', status: 'published' as const, startsAt: t0, endsAt: t1, drawnAt: null, ...o });

describe('contest phases', () => {
  it('moves from upcoming to running to closed to drawn', () => {
    expect(phaseOf(contest({ status: 'draft' }), t0)).toBe('draft');
    expect(phaseOf(contest(), new Date('2026-09-30T00:00:00Z'))).toBe('upcoming');
    expect(phaseOf(contest(), new Date('2026-10-15T00:00:00Z'))).toBe('running');
    expect(phaseOf(contest(), t1)).toBe('closed');
    expect(phaseOf(contest({ drawnAt: t1 }), t1)).toBe('drawn');
  });
});

describe('who runs a contest', () => {
  it('lets staff of the organising caisse and platform admins edit drafts, publish before the end and draw after it', () => {
    const during = new Date('2026-10-15T00:00:00Z');
    for (const actor of [staffOf('A'), admin]) {
      expect(canEditContest(actor, contest({ status: 'draft' }))).toBe(true);
      expect(canPublishContest(actor, contest({ status: 'draft' }), during)).toBe(true);
      expect(canPublishContest(actor, contest({ status: 'draft' }), t1)).toBe(false);
      expect(canDraw(actor, contest(), during)).toBe(false);
      expect(canDraw(actor, contest(), t1)).toBe(true);
      expect(canDraw(actor, contest({ drawnAt: t1 }), t1)).toBe(false);
    }
    for (const actor of [staffOf('B'), moderatorOf('A'), citizen, null]) {
      expect(canEditContest(actor, contest({ status: 'draft' }))).toBe(false);
      expect(canDraw(actor, contest(), t1)).toBe(false);
      expect(canSeeContest(actor, contest({ status: 'draft' }))).toBe(false);
      expect(canSeeContest(actor, contest())).toBe(true);
    }
    expect(canEditContest(staffOf('A'), contest())).toBe(false);
  });

  it('opens a claim only while the win waits and its deadline has not passed', () => {
    expect(claimOpen({ status: 'notified', claimDeadline: t1 }, t0)).toBe(true);
    expect(claimOpen({ status: 'notified', claimDeadline: t0 }, t1)).toBe(false);
    expect(claimOpen({ status: 'forfeited', claimDeadline: t1 }, t0)).toBe(false);
  });
});
