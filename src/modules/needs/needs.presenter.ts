import { z } from 'zod';
import { MATERIAL_MODES, NEED_KINDS, NEED_UNITS } from './needs.domain.js';
import { NEED_STATUSES } from './needs.status.js';
import type { NeedWithProgress } from './needs.service.js';

export const ZNeed = z.object({
  id: z.string(),
  projectId: z.string(),
  kind: z.enum(NEED_KINDS),
  title: z.string(),
  description: z.string(),
  quantity: z.number().int(),
  unit: z.enum(NEED_UNITS),
  paid: z.boolean(),
  rateCents: z.number().int().nullable(),
  loanTermMonths: z.number().int().nullable(),
  loanRateBps: z.number().int().nullable(),
  materialMode: z.enum(MATERIAL_MODES).nullable(),
  returnDate: z.string().nullable(),
  skills: z.array(z.string()),
  deadline: z.string().nullable(),
  currency: z.literal('CAD').nullable(),
  status: z.enum(NEED_STATUSES).describe('`pending`: not met, but proposals waiting for an answer cover the rest (no new pledge for now).'),
  progress: z.object({
    accepted: z.number().int().describe('Accepted and fulfilled pledges, in the need’s unit.'),
    proposed: z.number().int().describe('Pending: held by proposals waiting for the team’s answer.'),
    remaining: z.number().int().describe('Still missing once accepted help is counted.'),
    available: z.number().int().describe('What a new pledge may still take: missing once pending proposals are counted too.'),
    percent: z.number().int(),
    oversubscribed: z.boolean(),
  }),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NeedView = z.output<typeof ZNeed>;
export const ZNeedList = z.object({ items: z.array(ZNeed), nextCursor: z.null() });

export function presentNeed(n: NeedWithProgress): NeedView {
  return {
    id: n.id,
    projectId: n.projectId,
    kind: n.kind,
    title: n.title,
    description: n.description,
    quantity: n.quantity,
    unit: n.unit,
    paid: n.paid,
    rateCents: n.rateCents,
    loanTermMonths: n.loanTermMonths,
    loanRateBps: n.loanRateBps,
    materialMode: n.materialMode,
    returnDate: n.returnDate,
    skills: n.skills,
    deadline: n.deadline,
    currency: n.unit === 'cents' || n.rateCents !== null ? 'CAD' : null,
    status: n.progress.status,
    progress: { accepted: n.progress.accepted, proposed: n.progress.proposed, remaining: n.progress.remaining, available: n.progress.available, percent: n.progress.percent, oversubscribed: n.progress.oversubscribed },
    closedAt: n.closedAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}
