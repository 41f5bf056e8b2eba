import { describe, expect, it } from 'vitest';
import { montrealDate, montrealDay } from './delegates.dates.js';

describe('Montréal calendar days', () => {
  it('ends a winter day at 04:59:59.999 UTC and a summer day at 03:59:59.999 UTC', () => {
    expect(montrealDay('2026-12-20', 'end').toISOString()).toBe('2026-12-21T04:59:59.999Z');
    expect(montrealDay('2026-09-12', 'end').toISOString()).toBe('2026-09-13T03:59:59.999Z');
    expect(montrealDay('2027-01-04', 'start').toISOString()).toBe('2027-01-04T05:00:00.000Z');
  });

  it('reads an instant back as the Montréal day', () => {
    expect(montrealDate(new Date('2026-12-21T04:59:59.999Z'))).toBe('2026-12-20');
    expect(montrealDate(montrealDay('2026-09-12', 'start'))).toBe('2026-09-12');
  });
});
