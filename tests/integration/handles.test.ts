import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/test-app.js';
import { createTerritory, uid } from '../helpers/factories.js';
import { users } from '../../src/modules/auth/auth.tables.js';

let ctx: TestContext;
let territorySlug: string;
beforeAll(async () => {
  ctx = await createTestApp();
  territorySlug = (await createTerritory(ctx)).slug;
});
afterAll(() => ctx.close());

async function register(displayName: string): Promise<string> {
  const email = `long-${uid()}@example.test`;
  const res = await ctx.app.inject({
    method: 'POST', url: '/api/v1/auth/register',
    payload: { email, password: 'une phrase secrète', displayName, territory: territorySlug, ageConfirmed: true, acceptTerms: true },
  });
  expect(res.statusCode, res.body).toBe(202);
  const [row] = await ctx.database.db.select({ handle: users.handle }).from(users).where(eq(users.email, email));
  return row!.handle;
}

describe('generated handles and personal pages agree', () => {
  it('three people with the same very long accented name each get a reachable page', async () => {
    const name = `Marie-Ève Éloïse Bérénice Tremblay-Côté de l’Île ${uid()}`;
    const handles = [await register(name), await register(name), await register(name)];
    expect(new Set(handles).size).toBe(3);
    for (const handle of handles) {
      expect(handle.length).toBeLessThanOrEqual(40);
      expect(handle).toMatch(/^marie-eve-eloise-berenice/);
      const api = await ctx.app.inject({ method: 'GET', url: `/api/v1/people/${handle}` });
      expect(api.statusCode, handle).toBe(200);
      expect(api.json().handle).toBe(handle);
      expect((await ctx.app.inject({ method: 'GET', url: `/membres/${handle}` })).statusCode).toBe(200);
    }
    expect(handles[1]).toMatch(/-2$/);
  });

  it('still finds an account whose handle was made longer than 40 characters before the fix', async () => {
    const handle = await register(`Jean ${uid()}`);
    const legacy = `${'a'.repeat(40)}-2${uid().slice(0, 3)}`;
    await ctx.database.db.update(users).set({ handle: legacy }).where(eq(users.handle, handle));
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/people/${legacy}` })).statusCode).toBe(200);
  });
});
