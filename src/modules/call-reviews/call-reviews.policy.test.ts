import { describe, expect, it } from 'vitest';
import { canReadNote, canReadResults, canRunCall, canScore, canVote, eligibleAsJuror } from './call-reviews.policy.js';

const grant = (role: 'staff' | 'admin' | 'delegate' | 'moderator', caisseId: string | null) => ({ role, caisseId });
const person = (...roles: ReturnType<typeof grant>[]) => ({ id: 'p', roles });

describe('call-reviews policy', () => {
  it('lets the call’s caisse staff and platform admins run it, nobody else', () => {
    expect(canRunCall(person(grant('staff', 'c1')), { caisseId: 'c1' })).toBe(true);
    expect(canRunCall(person(grant('admin', null)), { caisseId: 'c1' })).toBe(true);
    expect(canRunCall(person(grant('staff', 'c2')), { caisseId: 'c1' })).toBe(false);
    expect(canRunCall(person(grant('delegate', 'c1')), { caisseId: 'c1' })).toBe(false);
    expect(canRunCall(null, { caisseId: 'c1' })).toBe(false);
  });

  it('seats staff and delegates of the caisse only', () => {
    expect(eligibleAsJuror(person(grant('staff', 'c1')), 'c1')).toBe(true);
    expect(eligibleAsJuror(person(grant('delegate', 'c1')), 'c1')).toBe(true);
    expect(eligibleAsJuror(person(grant('delegate', 'c2')), 'c1')).toBe(false);
    expect(eligibleAsJuror(person(grant('moderator', 'c1')), 'c1')).toBe(false);
    expect(eligibleAsJuror(person(), 'c1')).toBe(false);
  });

  it('never lets a conflicted juror score', () => {
    expect(canScore(true, false)).toBe(true);
    expect(canScore(true, true)).toBe(false);
    expect(canScore(false, false)).toBe(false);
  });

  it('shows a note to its juror and the caisse’s staff only', () => {
    expect(canReadNote({ id: 'j', roles: [] }, { caisseId: 'c1' }, 'j')).toBe(true);
    expect(canReadNote({ id: 'other-juror', roles: [grant('delegate', 'c1')] }, { caisseId: 'c1' }, 'j')).toBe(false);
    expect(canReadNote({ id: 's', roles: [grant('staff', 'c1')] }, { caisseId: 'c1' }, 'j')).toBe(true);
    expect(canReadNote(null, { caisseId: 'c1' }, null)).toBe(false);
  });

  it('lets verified people of the call’s territories vote', () => {
    expect(canVote({ id: 'v', emailVerified: true, territoryId: 't1' }, ['t1', 't2'])).toBe(true);
    expect(canVote({ id: 'v', emailVerified: false, territoryId: 't1' }, ['t1'])).toBe(false);
    expect(canVote({ id: 'v', emailVerified: true, territoryId: 't9' }, ['t1'])).toBe(false);
    expect(canVote({ id: 'v', emailVerified: true, territoryId: null }, ['t1'])).toBe(false);
    expect(canVote(null, ['t1'])).toBe(false);
  });

  it('publishes results to everyone only once published', () => {
    const call = { caisseId: 'c1', membersOnly: false, resultsPublished: false };
    expect(canReadResults(null, call)).toBe(false);
    expect(canReadResults(person(grant('staff', 'c1')), call)).toBe(true);
    expect(canReadResults(null, { ...call, resultsPublished: true })).toBe(true);
  });
});
