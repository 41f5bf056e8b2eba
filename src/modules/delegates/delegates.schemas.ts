import { z } from 'zod';
import { ZListQuery } from '../../platform/pagination.js';
import { DELEGATE_APPLICATION_STATUSES } from './delegates.domain.js';

const SLUG = /^[a-z0-9-]{1,80}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const day = z.string().trim().regex(DAY).refine((v) => !Number.isNaN(Date.parse(`${v}T12:00:00Z`)), 'validation.format');

export const ZApplicationParams = z.object({ id: z.string().min(1).max(40) });

/** A member's application: the territory (a slug among the caisse's), why, and when they are available. */
export const ZApplyBody = z
  .object({
    territory: z.string().trim().regex(SLUG, 'validation.choice'),
    motivation: z.string().trim().min(20).max(2000),
    availability: z.string().trim().min(3).max(500),
  })
  .strict();
export type TApplyBody = z.output<typeof ZApplyBody>;

/** A new registration campaign; days are Montréal calendar days (the deadline closes at the end of its day). */
export const ZCampaignBody = z
  .object({
    deadline: day,
    termStart: day,
    termEnd: day,
    introFr: z.string().trim().max(2000).default(''),
    introEn: z.string().trim().max(2000).default(''),
  })
  .strict();
export type TCampaignBody = z.output<typeof ZCampaignBody>;

/** Staff decide: approve, or decline with a message (a message is welcome either way). */
export const ZDecisionBody = z
  .object({
    decision: z.enum(['approve', 'decline']),
    message: z.string().trim().max(2000).default(''),
  })
  .strict();
export type TDecisionBody = z.output<typeof ZDecisionBody>;

export const ZApplicationListQuery = ZListQuery.extend({
  status: z.preprocess(blankToUndefined, z.enum(DELEGATE_APPLICATION_STATUSES).optional()),
});
export type TApplicationListQuery = z.output<typeof ZApplicationListQuery>;
