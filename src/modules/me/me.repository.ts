import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { caisses } from '../caisses/caisses.tables.js';

export const meRepository = {
  /** Slugs of the caisses a person's roles are scoped to, by caisse id. */
  async caisseSlugs(db: Db, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.select({ id: caisses.id, slug: caisses.slug }).from(caisses).where(inArray(caisses.id, ids));
    return new Map(rows.map((c) => [c.id, c.slug]));
  },
};
