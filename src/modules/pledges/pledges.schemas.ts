import { z } from 'zod';
import { ZListQuery } from '../../platform/pagination.js';
import { PLEDGE_STATUSES } from './pledges.domain.js';
import { TRANSITION_TARGETS } from './pledges.policy.js';

export const ZIdParams = z.object({ id: z.string().min(1).max(40) });

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const optionalDate = z.preprocess((v) => (blank(v) ? null : v), z.iso.date().nullable());
const optionalId = z.preprocess((v) => (blank(v) ? null : v), z.string().max(40).nullable());
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true || v === '1', z.boolean());

const common = {
  startDate: z.iso.date(),
  endDate: optionalDate.default(null),
  message: z.string().trim().max(2000).default(''),
  /** Pledge on behalf of this partner organisation (the actor must represent it): "on their honour". */
  organisationId: optionalId.default(null),
  /** Draw on one of that organisation's standing capacities (taken from it when the pledge is fulfilled). */
  capacityId: optionalId.optional(),
  /** Show the supporter's name on the project page (off by default: privacy first). */
  showName: checkbox.default(false),
};

/** The API body: quantity in the need's unit (hours, items, or cents for money). */
export const ZCreatePledgeBody = z.object({ quantity: z.number().int().min(1).max(100_000_000), ...common });
export type TCreatePledgeBody = z.output<typeof ZCreatePledgeBody>;

/** The HTML form: the same fields as text; money is typed in dollars and read by the page. */
export const ZPledgeForm = z.object({ quantity: z.string().trim().min(1).max(20), ...common, startDate: z.preprocess((v) => (blank(v) ? undefined : v), z.iso.date()) });
export type TPledgeForm = z.output<typeof ZPledgeForm>;

export const ZTransitionBody = z.object({
  to: z.enum(TRANSITION_TARGETS),
  reason: z.string().trim().max(1000).default(''),
});
export type TTransitionBody = z.output<typeof ZTransitionBody>;

/** The HTML twin also says where to come back to. */
export const ZTransitionForm = ZTransitionBody.extend({ returnTo: z.string().max(500).optional() });

export const ZMyPledgesQuery = ZListQuery.extend({
  status: z.enum(PLEDGE_STATUSES).optional(),
  /** `mine`: pledges I made; `received`: pledges to projects whose team I am on (the promoter's inbox). */
  scope: z.enum(['mine', 'received']).default('mine'),
});
export type TMyPledgesQuery = z.output<typeof ZMyPledgesQuery>;

export const ZProjectPledgesQuery = ZListQuery.extend({ status: z.enum(PLEDGE_STATUSES).optional() });
