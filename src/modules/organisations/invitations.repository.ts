import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organisationMembers, organisations, type OrganisationRole } from './organisations.tables.js';
import { organisationInvitations } from './partners.tables.js';

export type InvitationRow = typeof organisationInvitations.$inferSelect;

/** Invitations and the membership moves around them (leave, transfer): the only SQL here. */
export const invitationsRepository = {
  async insert(db: Db, row: typeof organisationInvitations.$inferInsert): Promise<void> {
    await db.insert(organisationInvitations).values(row);
  },
  /** A usable invitation (not expired, not accepted) with its organisation. */
  async findUsable(db: Db, tokenHash: string): Promise<(InvitationRow & { organisation: { id: string; slug: string; name: string } }) | undefined> {
    const rows = await db
      .select({ invitation: organisationInvitations, organisation: { id: organisations.id, slug: organisations.slug, name: organisations.name } })
      .from(organisationInvitations)
      .innerJoin(organisations, eq(organisations.id, organisationInvitations.organisationId))
      .where(and(eq(organisationInvitations.tokenHash, tokenHash), isNull(organisationInvitations.acceptedAt), gt(organisationInvitations.expiresAt, sql`now()`)))
      .limit(1);
    return rows[0] ? { ...rows[0].invitation, organisation: rows[0].organisation } : undefined;
  },
  /** Marks it used, once: false when someone used it first. */
  async markAccepted(db: Db, id: string, userId: string): Promise<boolean> {
    const rows = await db
      .update(organisationInvitations)
      .set({ acceptedAt: new Date(), acceptedBy: userId })
      .where(and(eq(organisationInvitations.id, id), isNull(organisationInvitations.acceptedAt)))
      .returning({ id: organisationInvitations.id });
    return rows.length > 0;
  },
  /** Adds a person with a role, never lowering the role they already have. */
  async joinAtLeast(db: Db, organisationId: string, userId: string, role: OrganisationRole): Promise<void> {
    await db
      .insert(organisationMembers)
      .values({ organisationId, userId, role })
      .onConflictDoUpdate({
        target: [organisationMembers.organisationId, organisationMembers.userId],
        set: { role: sql`CASE WHEN ${organisationMembers.role} IN ('owner', 'representative') THEN ${organisationMembers.role} ELSE excluded.role END` },
      });
  },
  async removeMember(db: Db, organisationId: string, userId: string): Promise<void> {
    await db.delete(organisationMembers).where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)));
  },
  async setRole(db: Db, organisationId: string, userId: string, role: OrganisationRole): Promise<void> {
    await db.update(organisationMembers).set({ role }).where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)));
  },
  /** Locks the organisation's membership rows so role moves (transfer, leave) are serialised. */
  async lockMembers(db: Db, organisationId: string): Promise<{ userId: string; role: OrganisationRole }[]> {
    return db.select({ userId: organisationMembers.userId, role: organisationMembers.role }).from(organisationMembers).where(eq(organisationMembers.organisationId, organisationId)).for('update');
  },
};
