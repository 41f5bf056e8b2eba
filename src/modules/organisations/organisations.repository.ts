import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../auth/auth.tables.js';
import { territories } from '../territories/territories.tables.js';
import { organisationMembers, organisations, SPEAKING_ROLES, type OrganisationRole } from './organisations.tables.js';
import type { Cursor } from '../../platform/pagination.js';
import type { MemberRow, NewOrganisation, OrganisationListFilters, OrganisationRef, OrganisationRow, OrganisationWithTerritory } from './organisations.types.js';

const withTerritory = {
  organisation: organisations,
  territorySlug: territories.slug,
  territoryNameFr: territories.nameFr,
  territoryNameEn: territories.nameEn,
  cursorAt: sql<string>`to_char(${organisations.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};
type Joined = { organisation: OrganisationRow; territorySlug: string | null; territoryNameFr: string | null; territoryNameEn: string | null; cursorAt: string };
const toOrganisation = (r: Joined): OrganisationWithTerritory => ({
  ...r.organisation,
  cursorAt: r.cursorAt,
  territory: r.territorySlug ? { slug: r.territorySlug, nameFr: r.territoryNameFr ?? '', nameEn: r.territoryNameEn ?? '' } : null,
});
/** `%` and `_` typed by a person are literal characters, not wildcards. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** Accent- and case-insensitive: "eglise" finds "Église"; the expression of the trigram index (migration 0013). */
const matchesWords = (q: string) => sql`public.ec_unaccent(lower(${organisations.name} || ' ' || ${organisations.description})) LIKE public.ec_unaccent(lower(${likePattern(q)}))`;

export const organisationsRepository = {
  async insert(db: Db, row: NewOrganisation): Promise<OrganisationRow> {
    const [created] = await db.insert(organisations).values(row).returning();
    return created!;
  },
  async slugExists(db: Db, slug: string): Promise<boolean> {
    const rows = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug)).limit(1);
    return rows.length > 0;
  },
  async findBySlug(db: Db, slug: string): Promise<OrganisationWithTerritory | undefined> {
    const rows = await db.select(withTerritory).from(organisations).leftJoin(territories, eq(territories.id, organisations.territoryId)).where(eq(organisations.slug, slug)).limit(1);
    return rows[0] ? toOrganisation(rows[0]) : undefined;
  },
  /** Newest first; keyset on (createdAt, id). Returns up to limit + 1 rows. */
  async list(db: Db, filters: OrganisationListFilters, limit: number, after?: Cursor): Promise<OrganisationWithTerritory[]> {
    const where: (SQL | undefined)[] = [
      filters.partner === undefined ? undefined : filters.partner ? isNotNull(organisations.charterSignedAt) : isNull(organisations.charterSignedAt),
      filters.territoryId ? eq(organisations.territoryId, filters.territoryId) : undefined,
      isNull(organisations.hiddenAt),
      filters.q ? matchesWords(filters.q) : undefined,
      after ? sql`(${organisations.createdAt}, ${organisations.id}) < (${after.at}::timestamptz, ${after.id})` : undefined,
    ];
    const rows = await db
      .select(withTerritory)
      .from(organisations)
      .leftJoin(territories, eq(territories.id, organisations.territoryId))
      .where(and(...where))
      .orderBy(desc(organisations.createdAt), desc(organisations.id))
      .limit(limit + 1);
    return rows.map(toOrganisation);
  },
  async update(db: Db, id: string, patch: Partial<NewOrganisation>): Promise<void> {
    await db.update(organisations).set({ ...patch, updatedAt: new Date() }).where(eq(organisations.id, id));
  },
  async roleOf(db: Db, organisationId: string, userId: string): Promise<OrganisationRole | null> {
    const rows = await db.select({ role: organisationMembers.role }).from(organisationMembers).where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId))).limit(1);
    return rows[0]?.role ?? null;
  },
  /** Adds a person, or changes the role of someone already in. */
  async upsertMember(db: Db, organisationId: string, userId: string, role: OrganisationRole): Promise<void> {
    await db.insert(organisationMembers).values({ organisationId, userId, role }).onConflictDoUpdate({ target: [organisationMembers.organisationId, organisationMembers.userId], set: { role } });
  },
  /** Members whose account is active, representatives first. */
  async members(db: Db, organisationId: string): Promise<MemberRow[]> {
    return db
      .select({ userId: users.id, handle: users.handle, displayName: users.displayName, role: organisationMembers.role, since: organisationMembers.createdAt })
      .from(organisationMembers)
      .innerJoin(users, eq(users.id, organisationMembers.userId))
      .where(and(eq(organisationMembers.organisationId, organisationId), isNull(users.deletedAt), isNull(users.suspendedAt)))
      .orderBy(sql`${organisationMembers.role} = 'owner' DESC`, sql`${organisationMembers.role} = 'representative' DESC`, asc(users.displayName), asc(users.id));
  },
  /** The organisations a person speaks for (owner or representative); `partnersOnly` keeps active partners. */
  async representedBy(db: Db, userId: string, partnersOnly: boolean): Promise<OrganisationRef[]> {
    return db
      .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
      .from(organisationMembers)
      .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
      .where(and(eq(organisationMembers.userId, userId), inArray(organisationMembers.role, [...SPEAKING_ROLES]), partnersOnly ? isNotNull(organisations.charterSignedAt) : undefined))
      .orderBy(asc(organisations.name), asc(organisations.id));
  },
};
