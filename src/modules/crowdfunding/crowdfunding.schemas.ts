import { z } from 'zod';
import { ZListQuery } from '../../platform/pagination.js';
import { CAMPAIGN_MODELS } from './crowdfunding.domain.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_CENTS = 1_000_000_000;

export const ZProjectIdParams = z.object({ id: z.string().min(1).max(40) });
export const ZSnapshotParams = z.object({ id: z.string().min(1).max(40), snapshotId: z.string().min(1).max(40) });

/**
 * Linking a campaign. The URL's scheme (http(s), https only in production), a goal above zero and an
 * end date in the future at creation are checked by the service, with their own messages.
 */
export const ZCampaignBody = z
  .object({
    url: z.string().trim().min(1).max(500),
    platform: z.string().trim().min(2).max(80).default('La Ruche'),
    goalCents: z.number().int().min(0).max(MAX_CENTS),
    endsOn: z.string().trim().regex(DAY, 'validation.date').describe('The last day of the campaign (Montréal calendar day, YYYY-MM-DD).'),
    model: z.enum(CAMPAIGN_MODELS),
  })
  .strict();
export type TCampaignBody = z.output<typeof ZCampaignBody>;

/** The promoter reports the amount shown on the campaign page now. */
export const ZSnapshotBody = z
  .object({
    raisedCents: z.number().int().min(0).max(MAX_CENTS),
    backers: z.number().int().min(0).max(1_000_000).optional(),
    note: z.string().trim().max(500).default(''),
  })
  .strict();
export type TSnapshotBody = z.output<typeof ZSnapshotBody>;

/** Staff confirm a reported amount, or reject it with a reason. */
export const ZSnapshotDecisionBody = z
  .object({
    decision: z.enum(['confirm', 'reject']),
    reason: z.string().trim().max(500).default(''),
  })
  .strict();
export type TSnapshotDecisionBody = z.output<typeof ZSnapshotDecisionBody>;

/** A caisse's matchfunding: `ratioPercent` (100 = 1:1) up to `capCents`; `caisse` (slug) when the actor acts for several. */
export const ZMatchfundingBody = z
  .object({
    ratioPercent: z.number().int().min(1).max(1000),
    capCents: z.number().int().min(1).max(MAX_CENTS),
    caisse: z.string().trim().regex(/^[a-z0-9-]{1,80}$/, 'validation.choice').optional(),
  })
  .strict();
export type TMatchfundingBody = z.output<typeof ZMatchfundingBody>;

export const ZSnapshotListQuery = ZListQuery;
export type TSnapshotListQuery = z.output<typeof ZSnapshotListQuery>;
