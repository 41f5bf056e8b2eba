import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { users } from '../auth/auth.tables.js';
import { caisses } from '../caisses/caisses.tables.js';
import { organisations } from './organisations.tables.js';
import { charters, charterSignatures, partnerships, type PartnershipStatus } from './partners.tables.js';

export type CharterRow = typeof charters.$inferSelect;
export type CaisseRef = { id: string; slug: string; name: string };
export type PartnershipRow = { caisse: CaisseRef; status: PartnershipStatus; reason: string; since: Date; version: number | null; signedAt: Date | null; signedBy: string | null };

/** Charters, signatures and partnerships: the only SQL of the honour charter. */
export const partnersRepository = {
  /** The newest published version of each caisse's charter. */
  async latestCharters(db: Db): Promise<(CharterRow & { caisse: CaisseRef })[]> {
    const rows = await db
      .selectDistinctOn([charters.caisseId], { charter: charters, caisse: { id: caisses.id, slug: caisses.slug, name: caisses.name } })
      .from(charters)
      .innerJoin(caisses, eq(caisses.id, charters.caisseId))
      .where(sql`${charters.publishedAt} <= now()`)
      .orderBy(charters.caisseId, desc(charters.version));
    return rows.map((r) => ({ ...r.charter, caisse: r.caisse })).sort((a, b) => a.caisse.name.localeCompare(b.caisse.name));
  },
  async latestCharterOf(db: Db, caisseSlug: string): Promise<(CharterRow & { caisse: CaisseRef }) | undefined> {
    const rows = await db
      .select({ charter: charters, caisse: { id: caisses.id, slug: caisses.slug, name: caisses.name } })
      .from(charters)
      .innerJoin(caisses, eq(caisses.id, charters.caisseId))
      .where(and(eq(caisses.slug, caisseSlug), sql`${charters.publishedAt} <= now()`))
      .orderBy(desc(charters.version))
      .limit(1);
    return rows[0] ? { ...rows[0].charter, caisse: rows[0].caisse } : undefined;
  },
  async caisseBySlug(db: Db, slug: string): Promise<CaisseRef | undefined> {
    const rows = await db.select({ id: caisses.id, slug: caisses.slug, name: caisses.name }).from(caisses).where(eq(caisses.slug, slug)).limit(1);
    return rows[0];
  },
  /** Records a signature; false when this version was already signed for this caisse. */
  async insertSignature(db: Db, s: { organisationId: string; caisseId: string; version: number; signedBy: string }): Promise<boolean> {
    const rows = await db.insert(charterSignatures).values({ id: newId(), ...s }).onConflictDoNothing().returning({ id: charterSignatures.id });
    return rows.length > 0;
  },
  /** Makes the organisation a partner of the caisse; a suspended partnership stays suspended (staff reinstate it). */
  async ensurePartnership(db: Db, organisationId: string, caisseId: string): Promise<void> {
    await db.insert(partnerships).values({ organisationId, caisseId, status: 'active' }).onConflictDoNothing();
  },
  async setStatus(db: Db, organisationId: string, caisseId: string, status: PartnershipStatus, reason: string): Promise<boolean> {
    const rows = await db
      .update(partnerships)
      .set({ status, reason, updatedAt: new Date() })
      .where(and(eq(partnerships.organisationId, organisationId), eq(partnerships.caisseId, caisseId)))
      .returning({ id: partnerships.caisseId });
    return rows.length > 0;
  },
  /** Partnerships of an organisation with the newest signature for each caisse. */
  async partnershipsOf(db: Db, organisationId: string): Promise<PartnershipRow[]> {
    const latest = db
      .selectDistinctOn([charterSignatures.caisseId], { caisseId: charterSignatures.caisseId, version: charterSignatures.version, signedAt: charterSignatures.signedAt, signedBy: users.displayName })
      .from(charterSignatures)
      .leftJoin(users, eq(users.id, charterSignatures.signedBy))
      .where(eq(charterSignatures.organisationId, organisationId))
      .orderBy(charterSignatures.caisseId, desc(charterSignatures.version))
      .as('latest');
    const rows = await db
      .select({ caisse: { id: caisses.id, slug: caisses.slug, name: caisses.name }, status: partnerships.status, reason: partnerships.reason, since: partnerships.since, version: latest.version, signedAt: latest.signedAt, signedBy: latest.signedBy })
      .from(partnerships)
      .innerJoin(caisses, eq(caisses.id, partnerships.caisseId))
      .leftJoin(latest, eq(latest.caisseId, partnerships.caisseId))
      .where(eq(partnerships.organisationId, organisationId))
      .orderBy(asc(caisses.name));
    return rows;
  },
  async signedVersions(db: Db, organisationId: string): Promise<{ caisseId: string; version: number }[]> {
    return db.select({ caisseId: charterSignatures.caisseId, version: charterSignatures.version }).from(charterSignatures).where(eq(charterSignatures.organisationId, organisationId));
  },
  /**
   * Keeps `organisations.charter_signed_at` ("partner since") in step with the partnerships: the
   * earliest active partnership's date, or null when none is active.
   */
  async syncPartnerSince(db: Db, organisationId: string, signedBy: string | null, version: string | null): Promise<void> {
    const [first] = await db
      .select({ since: partnerships.since })
      .from(partnerships)
      .where(and(eq(partnerships.organisationId, organisationId), eq(partnerships.status, 'active')))
      .orderBy(asc(partnerships.since))
      .limit(1);
    const patch = first
      ? { charterSignedAt: sql`coalesce(${organisations.charterSignedAt}, ${first.since.toISOString()}::timestamptz)`, ...(signedBy ? { charterSignedBy: sql`coalesce(${organisations.charterSignedBy}, ${signedBy})`, charterVersion: version } : {}) }
      : { charterSignedAt: null };
    await db.update(organisations).set({ ...patch, updatedAt: new Date() }).where(eq(organisations.id, organisationId));
  },
  /** Active partnerships of a caisse (its partners). */
  async partnersOfCaisse(db: Db, caisseId: string): Promise<{ id: string; slug: string; name: string }[]> {
    return db
      .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
      .from(partnerships)
      .innerJoin(organisations, eq(organisations.id, partnerships.organisationId))
      .where(and(eq(partnerships.caisseId, caisseId), eq(partnerships.status, 'active')))
      .orderBy(asc(organisations.name));
  },
};
