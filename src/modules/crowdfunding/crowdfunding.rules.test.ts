import { describe, expect, it } from 'vitest';
import { allocateToNeeds, countsTowardsFunding, daysLeft, matchedCents, moneyKept, outcomeAt, percentOfGoal } from './crowdfunding.rules.js';

const day = 86_400_000;

describe('matchedCents', () => {
  it('doubles each dollar up to the cap (1:1 up to $2,500)', () => {
    const match = { ratioPercent: 100, capCents: 250_000 };
    expect(matchedCents(0, match)).toBe(0);
    expect(matchedCents(120_000, match)).toBe(120_000);
    expect(matchedCents(250_000, match)).toBe(250_000);
    expect(matchedCents(900_000, match)).toBe(250_000);
  });
  it('follows other ratios and rounds down to the cent', () => {
    expect(matchedCents(10_001, { ratioPercent: 50, capCents: 1_000_000 })).toBe(5_000);
    expect(matchedCents(10_000, { ratioPercent: 200, capCents: 1_000_000 })).toBe(20_000);
  });
  it('is nothing without a commitment', () => {
    expect(matchedCents(50_000, null)).toBe(0);
  });
});

describe('outcomeAt (the failure rule)', () => {
  const endsAt = new Date('2026-11-30T04:59:59Z');
  const aon = { model: 'all_or_nothing' as const, goalCents: 500_000, endsAt };
  it('runs until the end date, whatever the amount', () => {
    expect(outcomeAt({ ...aon, raisedCents: 900_000 }, new Date(endsAt.getTime() - 1))).toBe('running');
  });
  it('fails an all-or-nothing campaign below its goal at the end date', () => {
    expect(outcomeAt({ ...aon, raisedCents: 499_999 }, endsAt)).toBe('failed');
  });
  it('succeeds an all-or-nothing campaign that reached its goal', () => {
    expect(outcomeAt({ ...aon, raisedCents: 500_000 }, new Date(endsAt.getTime() + day))).toBe('succeeded');
  });
  it('ends a keep-it-all campaign whatever the goal', () => {
    expect(outcomeAt({ ...aon, model: 'keep_it_all', raisedCents: 10 }, endsAt)).toBe('ended');
  });
  it('counts nothing of a failed campaign, and keeps the money of a succeeded or ended one', () => {
    expect(countsTowardsFunding('failed')).toBe(false);
    expect(countsTowardsFunding('running')).toBe(true);
    expect(moneyKept('succeeded') && moneyKept('ended')).toBe(true);
    expect(moneyKept('failed') || moneyKept('running')).toBe(false);
  });
});

describe('allocateToNeeds', () => {
  it('fills open funding needs in order, after pledges, never twice', () => {
    const needs = [
      { id: 'a', quantity: 100_000, pledgedCents: 30_000, open: true },
      { id: 'closed', quantity: 100_000, pledgedCents: 0, open: false },
      { id: 'b', quantity: 50_000, pledgedCents: 0, open: true },
    ];
    expect([...allocateToNeeds(needs, 90_000)]).toEqual([['a', 70_000], ['b', 20_000]]);
  });
  it('puts nothing on a need pledges already cover, and drops what no need asks for', () => {
    const shares = allocateToNeeds([{ id: 'a', quantity: 10_000, pledgedCents: 12_000, open: true }], 50_000);
    expect(shares.size).toBe(0);
  });
});

describe('daysLeft and percentOfGoal', () => {
  it('counts a started day as one and stops at zero', () => {
    const now = new Date('2026-11-01T12:00:00Z');
    expect(daysLeft(new Date(now.getTime() + 1.2 * day), now)).toBe(2);
    expect(daysLeft(new Date(now.getTime() - day), now)).toBe(0);
  });
  it('caps the bar at 100 %', () => {
    expect(percentOfGoal(250_000, 500_000)).toBe(50);
    expect(percentOfGoal(900_000, 500_000)).toBe(100);
  });
});
