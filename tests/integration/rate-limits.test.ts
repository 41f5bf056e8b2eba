import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { uid } from '../helpers/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ rateLimits: true });
});
afterAll(() => ctx.close());

const ip = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe('rate limits', () => {
  it('allows 6 sign-in attempts a minute per IP, then answers 429 with Retry-After', async () => {
    const remoteAddress = ip();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { email: `x-${uid()}@example.test`, password: 'wrong-password' } });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
        expect(res.json().error.code).toBe('RATE_LIMITED');
      }
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    const other = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip(), payload: { email: `x-${uid()}@example.test`, password: 'wrong-password' } });
    expect(other.statusCode).toBe(401);
  });

  it('allows 5 password-reset requests per address per 30 minutes', async () => {
    const email = `reset-${uid()}@example.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', remoteAddress: ip(), payload: { email } })).statusCode);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('allows 5 sign-ups per IP per 30 minutes', async () => {
    const remoteAddress = ip();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/register', remoteAddress, payload: { email: `s-${uid()}@example.test`, password: 'x', displayName: 'X', territory: 'nope', ageConfirmed: true, acceptTerms: true } });
      statuses.push(res.statusCode);
    }
    // Validation fails before the limiter for malformed bodies; well-formed ones count.
    expect(statuses.every((s) => s === 400)).toBe(true);
    const statuses2: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/register', remoteAddress, payload: { email: `s-${uid()}@example.test`, password: 'a long enough one', displayName: 'Personne', territory: 'territoire-inexistant', ageConfirmed: true, acceptTerms: true } });
      statuses2.push(res.statusCode);
    }
    expect(statuses2).toEqual([400, 400, 400, 400, 400, 429]);
  });
});
