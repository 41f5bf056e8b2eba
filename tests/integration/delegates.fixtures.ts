/** Delegate campaigns and applications made straight in the database, for tests that need one ready. */
import type { TestContext } from '../helpers/test-app.js';
import { createUser, uid } from '../helpers/factories.js';
import { newId } from '../../src/db/ids.js';
import { delegatesRepository } from '../../src/modules/delegates/delegates.repository.js';

const DAY = 86_400_000;

/** A campaign of this caisse (its current one from now on): open unless `closed`, a term of a year. */
export async function createCampaign(ctx: TestContext, caisseId: string, o: { closed?: boolean } = {}) {
  const now = Date.now();
  const deadline = new Date(o.closed ? now - DAY : now + 14 * DAY);
  return delegatesRepository.insertCampaign(ctx.database.db, { id: newId(), caisseId, deadline, termStart: new Date(now + 30 * DAY), termEnd: new Date(now + 395 * DAY), introFr: 'Devenez délégué·e.', introEn: 'Become a delegate.' });
}

/** A pending application by a fresh member to a fresh campaign of this caisse, for this territory. */
export async function createApplication(ctx: TestContext, caisseId: string, territoryId: string, motivation = `Je veux aider mon quartier ${uid()}`) {
  const campaign = await createCampaign(ctx, caisseId);
  const applicant = await createUser(ctx, { territoryId });
  const id = newId();
  await delegatesRepository.insertApplication(ctx.database.db, { id, campaignId: campaign.id, caisseId, userId: applicant.id, territoryId, motivation, availability: 'Les samedis' });
  return { id, campaign, applicant, motivation };
}
