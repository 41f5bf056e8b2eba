import type { Deps } from '../platform/deps.js';
import { newId } from '../db/ids.js';
import { territories } from '../modules/territories/territories.tables.js';
import { caisses, caisseTerritories } from '../modules/caisses/caisses.tables.js';
import { CAISSES, TERRITORIES } from './reference-data.js';
import { seedDemoPeople } from './demo-people.js';
import { seedDemoProjects } from './demo-projects.js';
import { seedDemoPledges } from './demo-pledges.js';
import { seedDemoBoards } from './demo-boards.js';
import { seedDemoComments } from './demo-comments.js';
import { seedDemoCommunity } from './demo-community.js';
import { seedDemoModeration } from './demo-moderation.js';
import { seedDemoOfferReport } from './demo-offer-report.js';
import { seedDemoSocial } from './demo-social.js';
import { seedDemoNotifications } from './demo-notifications.js';
import { seedDemoDigest } from './demo-digest.js';
import { seedBoundary } from './geo/boundaries.js';
import { seedDemoRollout } from './demo-rollout.js';
import { seedCharters } from './charters.js';
import { seedDemoPartners } from './demo-partners.js';
import { seedDemoDelegates } from './demo-delegates.js';
import { seedDemoContests } from './demo-contests.js';
import { seedDemoCalls } from './demo-calls.js';
import { seedDemoCallReviews } from './demo-call-reviews.js';
import { seedDemoCrowdfunding } from './demo-crowdfunding.js';
import { seedDemoPrivacyRegister } from './demo-privacy-register.js';

/** Territories and caisses of the pilot: inserted on the first start so sign-up works at once. */
export async function seedReferenceData(deps: Deps): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await deps.db.transaction(async (tx) => {
    for (const [position, t] of TERRITORIES.entries()) {
      const id = newId();
      ids.set(t.slug, id);
      await tx.insert(territories).values({
        id, slug: t.slug, kind: t.kind, parentId: t.parent ? ids.get(t.parent)! : null, nameFr: t.fr, nameEn: t.en,
        descriptionFr: t.descFr, descriptionEn: t.descEn, rolloutState: t.state, position, boundary: seedBoundary(t.slug),
      });
    }
    for (const c of CAISSES) {
      const id = newId();
      ids.set(`caisse:${c.slug}`, id);
      await tx.insert(caisses).values({ id, slug: c.slug, name: c.name, descriptionFr: c.fr, descriptionEn: c.en, address: c.address });
      for (const slug of c.territories) await tx.insert(caisseTerritories).values({ caisseId: id, territoryId: ids.get(slug)! });
    }
  });
  return ids;
}

/**
 * Every start, after `seedIfEmpty`: idempotent upkeep of reference data a database seeded by an
 * older version may lack (a v1 honour charter for every caisse, whenever it was created).
 */
export async function ensureReferenceData(deps: Deps): Promise<void> {
  const charters = await seedCharters(deps);
  if (charters > 0) deps.log.info({ charters }, 'published the v1 honour charter of caisses that had none');
}

/**
 * First start only: reference data, then (unless SEED_DEMO=no) a living demo neighbourhood.
 * A second start finds territories and leaves everything as it is.
 */
export async function seedIfEmpty(deps: Deps): Promise<boolean> {
  const existing = await deps.db.select({ id: territories.id }).from(territories).limit(1);
  if (existing.length > 0) return false;
  const ids = await seedReferenceData(deps);
  await seedCharters(deps);
  if (deps.config.seedDemo !== 'no') {
    await seedDemoPeople(deps, ids);
    await seedDemoCommunity(deps);
    await seedDemoProjects(deps, ids);
    await seedDemoPledges(deps);
    await seedDemoPartners(deps);
    await seedDemoDelegates(deps);
    await seedDemoBoards(deps);
    await seedDemoComments(deps);
    await seedDemoModeration(deps);
    await seedDemoOfferReport(deps);
    await seedDemoSocial(deps);
    await seedDemoNotifications(deps);
    await seedDemoDigest(deps);
    await seedDemoRollout(deps);
    await seedDemoContests(deps);
    await seedDemoCalls(deps);
    // After the calls' demo (seedDemoCalls): their jury, reviews and the past call's published results.
    await seedDemoCallReviews(deps);
    await seedDemoCrowdfunding(deps);
    await seedDemoPrivacyRegister(deps);
  }
  deps.log.info('first start: pilot territories, caisses and demo data created');
  return true;
}
