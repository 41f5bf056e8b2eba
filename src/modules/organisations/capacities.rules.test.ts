import { describe, expect, it } from 'vitest';
import { capacityUnit, fitsUnit, periodKey, remainingOf } from './capacities.rules.js';

describe('capacity rules', () => {
  it('counts each kind in its unit, other kinds in any', () => {
    expect([capacityUnit('hours'), capacityUnit('money'), capacityUnit('equipment'), capacityUnit('other')]).toEqual(['hours', 'cents', 'items', null]);
    expect(fitsUnit('hours', 'cents')).toBe(false);
    expect(fitsUnit('money', 'cents')).toBe(true);
    expect(fitsUnit('other', 'items')).toBe(true);
  });

  it('renews at Montréal midnight on the first of the month or year', () => {
    // 03:30 UTC on 1 January is still 31 December in Montréal.
    expect(periodKey('month', new Date('2027-01-01T03:30:00Z'))).toBe('2026-12');
    expect(periodKey('year', new Date('2027-01-01T03:30:00Z'))).toBe('2026');
    expect(periodKey('month', new Date('2027-01-01T06:00:00Z'))).toBe('2027-01');
  });

  it('never says less than zero remains', () => {
    expect(remainingOf(10, 4)).toBe(6);
    expect(remainingOf(10, 12)).toBe(0);
  });
});
