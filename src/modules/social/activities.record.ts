import type { Db } from '../../db/client.js';
import { needWithProgress } from '../needs/needs.service.js';
import type { PledgeDetail } from '../pledges/pledges.types.js';
import { activitiesRepository } from './activities.repository.js';

/**
 * Activities of pledge events, written inside the event's transaction. A supporter who chose not to be
 * named is no actor of the activity, so following them never reveals it.
 */
type Pledge = Pick<PledgeDetail, 'id' | 'needId' | 'supporterId' | 'showName' | 'project' | 'need' | 'organisation'>;

export async function recordPledgeFulfilled(tx: Db, p: Pledge): Promise<void> {
  const keys = await activitiesRepository.projectKeys(tx, p.project.id);
  await activitiesRepository.record(tx, {
    kind: 'pledge_fulfilled', actorId: p.showName ? p.supporterId : null, subjectType: 'pledge', subjectId: p.id, projectId: p.project.id, territoryId: p.project.territoryId,
    organisationId: p.organisation?.id ?? keys?.organisationId ?? null, data: { projectTitle: p.project.title, needId: p.need.id, needTitle: p.need.title },
  });
}

/** After a pledge is accepted: if its need now reaches 100 % (status is derived), say so once. */
export async function recordNeedMetIfMet(tx: Db, p: Pledge): Promise<void> {
  const need = await needWithProgress({ db: tx }, p.needId);
  if (!need || need.progress.status !== 'met') return;
  const keys = await activitiesRepository.projectKeys(tx, p.project.id);
  await activitiesRepository.recordOnce(tx, {
    kind: 'need_met', actorId: null, subjectType: 'need', subjectId: need.id, projectId: p.project.id, territoryId: p.project.territoryId,
    organisationId: keys?.organisationId ?? null, data: { projectTitle: p.project.title, needId: need.id, needTitle: need.title },
  });
}

/** A new offer, filed under the first territory it serves (or its owner's neighbourhood). */
export async function recordOfferPublished(tx: Db, o: { id: string; ownerId: string; organisationId: string | null; title: string; territoryIds: string[] }): Promise<void> {
  const territoryId = o.territoryIds[0] ?? (await activitiesRepository.userTerritory(tx, o.ownerId));
  await activitiesRepository.record(tx, { kind: 'offer_published', actorId: o.ownerId, subjectType: 'offer', subjectId: o.id, territoryId, organisationId: o.organisationId, data: { title: o.title } });
}
