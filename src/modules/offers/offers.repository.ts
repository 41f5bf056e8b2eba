import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Cursor } from '../../platform/pagination.js';
import { users, type FieldVisibility } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { offers } from './offers.tables.js';
import type { NewOffer, OfferListFilters, OfferRecord, OfferRow } from './offers.types.js';


const columns = {
  offer: offers,
  ownerHandle: users.handle,
  ownerName: users.displayName,
  ownerTerritoryId: users.territoryId,
  ownerTerritoryVisibility: sql<FieldVisibility>`${users.privacy}->>'territory'`,
  orgSlug: organisations.slug,
  orgName: organisations.name,
  orgTerritoryId: organisations.territoryId,
  orgSignedAt: organisations.charterSignedAt,
  cursorAt: sql<string>`to_char(${offers.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};
type Joined = { offer: OfferRow; ownerHandle: string; ownerName: string; ownerTerritoryId: string | null; ownerTerritoryVisibility: FieldVisibility; orgSlug: string | null; orgName: string | null; orgTerritoryId: string | null; orgSignedAt: Date | null; cursorAt: string };

const toRecord = (r: Joined): OfferRecord => ({
  ...r.offer,
  cursorAt: r.cursorAt,
  owner: { handle: r.ownerHandle, displayName: r.ownerName, territoryId: r.ownerTerritoryId, territoryVisibility: r.ownerTerritoryVisibility ?? 'private' },
  organisation: r.orgSlug ? { slug: r.orgSlug, name: r.orgName ?? '', territoryId: r.orgTerritoryId, partner: r.orgSignedAt !== null } : null,
});

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** Accent- and case-insensitive: "eglise" finds "Église"; the expression of the trigram index (migration 0013). */
const matchesWords = (q: string) => sql`public.ec_unaccent(lower(${offers.title} || ' ' || ${offers.description})) LIKE public.ec_unaccent(lower(${likePattern(q)}))`;

/**
 * Offers serving a territory: listed in its territories, or — listing none — in the organisation's
 * territory, or the person's own when they let this viewer see it.
 */
function servesTerritory(territoryId: string, signedIn: boolean): SQL {
  const visible = signedIn ? sql`${users.privacy}->>'territory' IN ('public', 'members')` : sql`${users.privacy}->>'territory' = 'public'`;
  return sql`(${offers.territoryIds} @> ARRAY[${territoryId}]::text[] OR (cardinality(${offers.territoryIds}) = 0 AND (
    ${organisations.territoryId} = ${territoryId} OR (${offers.organisationId} IS NULL AND ${users.territoryId} = ${territoryId} AND ${visible}))))`;
}

const base = (db: Db) =>
  db.select(columns).from(offers).innerJoin(users, eq(users.id, offers.ownerId)).leftJoin(organisations, eq(organisations.id, offers.organisationId));
const ownerActive = and(isNull(users.deletedAt), isNull(users.suspendedAt));

export const offersRepository = {
  async insert(db: Db, row: NewOffer): Promise<void> {
    await db.insert(offers).values(row);
  },
  /** One offer whose owner's account is active. */
  async findById(db: Db, id: string): Promise<OfferRecord | undefined> {
    const rows = await base(db).where(and(eq(offers.id, id), ownerActive)).limit(1);
    return rows[0] ? toRecord(rows[0]) : undefined;
  },
  /** Newest first, keyset on (createdAt, id); returns up to limit + 1 rows. */
  async list(db: Db, f: OfferListFilters, limit: number, after?: Cursor): Promise<OfferRecord[]> {
    const where: (SQL | undefined)[] = [
      ownerActive,
      f.activeOnly ? eq(offers.status, 'active') : undefined,
      f.kind ? sql`${offers.kind} = ${f.kind}` : undefined,
      f.includeHidden ? undefined : and(isNull(offers.hiddenAt), isNull(organisations.hiddenAt)),
      f.q ? matchesWords(f.q) : undefined,
      f.territoryId ? servesTerritory(f.territoryId, f.signedIn) : undefined,
      f.organisationId ? eq(offers.organisationId, f.organisationId) : undefined,
      f.ownerId ? eq(offers.ownerId, f.ownerId) : undefined,
      after ? sql`(${offers.createdAt}, ${offers.id}) < (${after.at}::timestamptz, ${after.id})` : undefined,
    ];
    const rows = await base(db).where(and(...where)).orderBy(desc(offers.createdAt), desc(offers.id)).limit(limit + 1);
    return rows.map(toRecord);
  },
  async update(db: Db, id: string, patch: Partial<NewOffer>): Promise<void> {
    await db.update(offers).set({ ...patch, updatedAt: new Date() }).where(eq(offers.id, id));
  },
  async delete(db: Db, id: string): Promise<void> {
    await db.delete(offers).where(eq(offers.id, id));
  },
};
