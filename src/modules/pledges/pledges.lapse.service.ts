import type { Deps } from '../../platform/deps.js';
import { lapseCutoff, localToday } from './pledges.policy.js';
import { pledgesRepository } from './pledges.repository.js';
import { notifyPledge } from './pledges.notify.js';

/**
 * The lapse job: a pledge still proposed, or accepted but not fulfilled, more than 14 days after its
 * end date (else its start date) lapses. One UPDATE … RETURNING, then each lapsed pledge is logged
 * and both sides are told, in the same transaction. Returns how many lapsed.
 */
export async function lapseOverduePledges(deps: Pick<Deps, 'db'>, now = new Date()): Promise<number> {
  const cutoff = lapseCutoff(localToday(now));
  return deps.db.transaction(async (tx) => {
    const lapsed = await pledgesRepository.lapseBefore(tx, cutoff);
    const details = await pledgesRepository.details(tx, lapsed.map((l) => l.id));
    for (const l of lapsed) {
      const p = details.find((d) => d.id === l.id)!;
      await pledgesRepository.insertEvent(tx, { pledgeId: l.id, actorId: null, fromStatus: l.fromStatus, toStatus: 'lapsed' });
      await notifyPledge(tx, [p.supporterId, ...(await pledgesRepository.teamIds(tx, p.projectId))], 'lapsed', p);
    }
    return lapsed.length;
  });
}

