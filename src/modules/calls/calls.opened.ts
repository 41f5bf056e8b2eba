import type { Db } from '../../db/client.js';
import { caissesRepository } from '../caisses/caisses.repository.js';
import { notificationsRepository } from '../notifications/notifications.repository.js';
import { activitiesRepository } from '../social/activities.repository.js';
import { callsRepository, type CallRow } from './calls.repository.js';

/**
 * A call just moved to `open` (by the phases job or by staff), inside the transaction of that move:
 * one feed activity `call_opened` (the feed shows it to the people of the call's territories, and of
 * the places below them) and one in-app notification `call.opened` to every person living there; the
 * e-mail digest carries it unless they opted out. Idempotent: the conditional UPDATE lets only one
 * move return the call, and both writes skip what already exists for this call.
 * No caisse can be followed (FOLLOW_TARGETS), so there are no caisse followers to tell.
 */
export async function announceCallOpened(tx: Db, call: Pick<CallRow, 'id' | 'slug' | 'title' | 'caisseId'>): Promise<{ notified: number }> {
  const territoryIds = await callsRepository.territoryIds(tx, call.id);
  const caisse = await caissesRepository.findById(tx, call.caisseId);
  await activitiesRepository.recordOnce(tx, {
    kind: 'call_opened', actorId: null, subjectType: 'call', subjectId: call.id, territoryId: territoryIds[0] ?? null,
    data: { title: call.title, slug: call.slug, caisseName: caisse?.name ?? '' },
  });
  const notified = await notificationsRepository.insertForResidents(tx, territoryIds, {
    kind: 'call.opened', data: { subjectTitle: call.title, caisseName: caisse?.name ?? '' }, url: `/appels/${call.slug}`, subjectType: 'call', subjectId: call.id,
  });
  return { notified };
}
