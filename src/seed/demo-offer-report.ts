import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../platform/deps.js';
import { newId } from '../db/ids.js';
import { audit } from '../platform/audit.js';
import { users } from '../modules/auth/auth.tables.js';
import { offers } from '../modules/offers/offers.tables.js';
import { territories } from '../modules/territories/territories.tables.js';
import { reports } from '../modules/moderation/moderation.tables.js';

/**
 * Offers can be reported (ADR 0018): a bilingual report on a demo offer in Villeray waits in the
 * queue of Karim Benali (moderator, Caisse de la Cité-du-Nord). Idempotent: nothing when one exists.
 */
export async function seedDemoOfferReport(deps: Pick<Deps, 'db'>): Promise<void> {
  const db = deps.db;
  const [offer] = await db.select({ id: offers.id }).from(offers).where(eq(offers.title, 'Prêt d’outils de menuiserie')).limit(1);
  const [villeray] = await db.select({ id: territories.id }).from(territories).where(eq(territories.slug, 'villeray')).limit(1);
  const people = await db.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.handle, ['emily-chen']));
  const reporter = people[0]?.id;
  if (!offer || !villeray || !reporter) return;
  const existing = await db.select({ id: reports.id }).from(reports).where(and(eq(reports.targetType, 'offer'), eq(reports.targetId, offer.id))).limit(1);
  if (existing.length > 0) return;
  await db.transaction(async (tx) => {
    const id = newId();
    await tx.insert(reports).values({
      id, reporterId: reporter, targetType: 'offer', targetId: offer.id, territoryId: villeray.id, reason: 'other',
      details: 'The tools are offered for rent on another site; is this still a free loan? / Les outils sont loués ailleurs; est-ce encore un prêt gratuit?',
      createdAt: new Date(Date.now() - 6 * 3_600_000),
    });
    await audit(tx, { actorId: reporter, action: 'report.file', subjectType: 'offer', subjectId: offer.id, data: { reportId: id, reason: 'other' } });
  });
}
