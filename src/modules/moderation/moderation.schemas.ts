import { z } from 'zod';
import { ZListQuery } from '../../platform/pagination.js';
import { MODERATION_ACTIONS, REPORT_REASONS, REPORT_STATUSES, REPORT_TARGETS } from './moderation.domain.js';

export const DETAILS_MAX = 2000;
export const REASON_MAX = 1000;
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const targetId = z.string().trim().min(1).max(60).regex(/^[A-Za-z0-9_-]+$/, 'validation.invalid');

/** Filing a report: what, why, and optionally more words. */
export const ZReportBody = z
  .object({
    targetType: z.enum(REPORT_TARGETS),
    targetId,
    reason: z.enum(REPORT_REASONS),
    details: z.string().trim().max(DETAILS_MAX).default(''),
  })
  .strict();
export type TReportBody = z.output<typeof ZReportBody>;

/** A moderation decision; the reason is shown to the author. */
export const ZActionBody = z
  .object({
    action: z.enum(MODERATION_ACTIONS),
    targetType: z.enum(REPORT_TARGETS),
    targetId,
    reason: z.string().trim().min(1).max(REASON_MAX),
    reportId: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()),
  })
  .strict();
export type TActionBody = z.output<typeof ZActionBody>;

export const ZReportListQuery = ZListQuery.extend({ status: z.enum(REPORT_STATUSES).default('open') });
export type TReportListQuery = z.output<typeof ZReportListQuery>;

/** `/signaler?type=…&id=…` */
export function parseTarget(query: Record<string, unknown>): { targetType: (typeof REPORT_TARGETS)[number]; targetId: string } | null {
  const type = z.enum(REPORT_TARGETS).safeParse(query.type);
  const id = targetId.safeParse(query.id);
  return type.success && id.success ? { targetType: type.data, targetId: id.data } : null;
}
