import { z } from 'zod';
import { ROLLOUT_STATES, TERRITORY_KINDS } from './territories.domain.js';
import { ZEmail } from '../auth/auth.schemas.js';

export const ZSlugParams = z.object({ slug: z.string().trim().min(1).max(80) });

export const ZTerritoryListQuery = z.object({
  kind: z.enum(TERRITORY_KINDS).optional(),
  state: z.enum(ROLLOUT_STATES).optional(),
});
export type TTerritoryListQuery = z.output<typeof ZTerritoryListQuery>;

export const ZWaitlistBody = z.object({ email: ZEmail });
export type TWaitlistBody = z.output<typeof ZWaitlistBody>;

export const ZWaitlistAccepted = z.object({ status: z.literal('accepted'), message: z.string() });

/**
 * Midnight in Montréal on a calendar date (the admin form's effective date), as an instant:
 * tries EST (UTC−5) and moves one hour when daylight time (UTC−4) is in force that day.
 */
export function montrealMidnight(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = new Date(Date.UTC(y, m - 1, d, 5));
  const hour = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', hour: '2-digit', hourCycle: 'h23' }).format(guess));
  return hour === 0 ? guess : new Date(guess.getTime() - hour * 3600_000);
}

const ZCalendarDate = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { message: 'validation.date' });

/** The API's rollout change: the new state and, optionally, when it takes effect (ISO 8601). */
export const ZRolloutChangeBody = z.strictObject({
  state: z.enum(ROLLOUT_STATES),
  effectiveAt: z.iso.datetime({ offset: true }).optional(),
});
export type TRolloutChangeBody = z.output<typeof ZRolloutChangeBody>;

/** The admin page's rollout form: a state and an optional date (blank: now). */
export const ZRolloutFormBody = z.strictObject({
  rolloutState: z.enum(ROLLOUT_STATES),
  effectiveDate: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), ZCalendarDate.optional()),
});
export type TRolloutFormBody = z.output<typeof ZRolloutFormBody>;

export const ZInviteQuery = z.object({ w: z.string().max(40).optional(), e: z.string().max(20).optional(), s: z.string().max(100).optional() });
