import { describe, expect, it } from 'vitest';
import { pseudonymOf } from './contests.pseudonym.js';

describe('pseudonymOf', () => {
  it('is stable for a person and a contest, and differs across contests, people, attempts and secrets', () => {
    const p = pseudonymOf('secret', 'c1', 'u1');
    expect(p).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(pseudonymOf('secret', 'c1', 'u1')).toBe(p);
    expect(new Set([p, pseudonymOf('secret', 'c2', 'u1'), pseudonymOf('secret', 'c1', 'u2'), pseudonymOf('secret', 'c1', 'u1', 1), pseudonymOf('other', 'c1', 'u1')]).size).toBe(5);
  });
});
