import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.js';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('the PostgreSQL pool', () => {
  it('reports an idle connection killed by the server instead of swallowing it, and keeps serving', async () => {
    const errors: Error[] = [];
    const database = await openDatabase({ databaseUrl: url, poolSize: 2, onPoolError: (err) => errors.push(err) });
    try {
      const { pid } = (await database.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await admin.end();
      for (let i = 0; i < 50 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]!.message).toMatch(/terminat/i);
      expect(await database.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
  });
});
