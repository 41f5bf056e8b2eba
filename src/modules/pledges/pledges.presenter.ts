import { z } from 'zod';
import { NEED_KINDS, NEED_UNITS } from '../needs/needs.domain.js';
import { PLEDGE_STATUSES } from './pledges.domain.js';
import type { PledgeAbilities } from './pledges.policy.js';
import type { PledgeDetail } from './pledges.types.js';

const iso = z.iso.datetime().nullable();

export const ZPledge = z.object({
  id: z.string(),
  status: z.enum(PLEDGE_STATUSES),
  quantity: z.number().int().describe('In the need’s unit: hours, items, or cents for money.'),
  unit: z.enum(NEED_UNITS),
  kind: z.enum(NEED_KINDS),
  startDate: z.iso.date().nullable(),
  endDate: z.iso.date().nullable(),
  onHonour: z.boolean().describe('Pledged by a partner organisation on its honour.'),
  organisation: z.object({ slug: z.string(), name: z.string() }).nullable(),
  supporter: z.object({ handle: z.string(), displayName: z.string() }).nullable().describe('Null when hidden by the supporter’s choice or their account was deleted.'),
  project: z.object({ id: z.string(), title: z.string() }),
  need: z.object({ id: z.string(), title: z.string() }),
  message: z.string().nullable().describe('Only for the two parties, the territory’s caisse staff and admins.'),
  reason: z.string().nullable(),
  promoterConfirmedAt: iso,
  supporterConfirmedAt: iso,
  fulfilledAt: iso,
  createdAt: z.iso.datetime(),
  can: z.object({ accept: z.boolean(), decline: z.boolean(), withdraw: z.boolean(), confirmFulfilled: z.boolean() }).nullable(),
});
export type PledgeView = z.output<typeof ZPledge>;

export const ZPledgeList = z.object({ items: z.array(ZPledge), nextCursor: z.string().nullable() });

export const ZPledgeEvent = z.object({ fromStatus: z.string(), toStatus: z.string(), note: z.string(), actor: z.object({ handle: z.string(), displayName: z.string() }).nullable(), createdAt: z.iso.datetime() });
export const ZPledgeWithHistory = ZPledge.extend({ events: z.array(ZPledgeEvent) });

const at = (d: Date | null) => (d ? d.toISOString() : null);

/** A named supporter: never a deleted account. */
export function supporterName(p: Pick<PledgeDetail, 'supporter'>): { handle: string; displayName: string } | null {
  return p.supporter && !p.supporter.deletedAt ? { handle: p.supporter.handle, displayName: p.supporter.displayName } : null;
}

/**
 * `full`: the two parties, the territory's caisse staff, admins — everything. `public`: anyone
 * else sees what was given, for what, by whom only if the supporter chose to be named.
 */
export function presentPledge(p: PledgeDetail, view: 'full' | 'public', can: PledgeAbilities | null = null): PledgeView {
  const full = view === 'full';
  return {
    id: p.id,
    status: p.status,
    quantity: p.quantity,
    unit: p.need.unit,
    kind: p.need.kind,
    startDate: p.startDate,
    endDate: p.endDate,
    onHonour: p.onHonour,
    organisation: p.organisation ? { slug: p.organisation.slug, name: p.organisation.name } : null,
    supporter: full || p.showName ? supporterName(p) : null,
    project: { id: p.project.id, title: p.project.title },
    need: { id: p.need.id, title: p.need.title },
    message: full ? p.message : null,
    reason: full ? p.reason : null,
    promoterConfirmedAt: at(p.promoterConfirmedAt),
    supporterConfirmedAt: at(p.supporterConfirmedAt),
    fulfilledAt: at(p.fulfilledAt),
    createdAt: p.createdAt.toISOString(),
    can: can ? { accept: can.accept, decline: can.decline, withdraw: can.withdraw, confirmFulfilled: can.confirmFulfilled } : null,
  };
}

export type PledgeEventRow = { fromStatus: string; toStatus: string; note: string; createdAt: Date; actorId: string | null; actorName: string | null; actorHandle: string | null; actorDeletedAt: Date | null };

/** History entries; the creation note (the naming choice) is not a reason and is not shown. */
export function presentEvent(e: PledgeEventRow) {
  return {
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.toStatus === 'proposed' ? '' : e.note,
    actor: e.actorHandle && e.actorName && !e.actorDeletedAt ? { handle: e.actorHandle, displayName: e.actorName } : null,
    createdAt: e.createdAt.toISOString(),
  };
}
