import { z } from 'zod';
import { imageSources } from '../projects/projects.images.js';
import { CAMPAIGN_MODELS, CAMPAIGN_STATUSES, PREVIEW_STATUSES, SNAPSHOT_STATUSES } from './crowdfunding.domain.js';
import type { CampaignRow, PendingSnapshotRow, SnapshotRecord } from './crowdfunding.repository.js';
import { countsTowardsFunding, daysLeft, matchedCents, percentOfGoal } from './crowdfunding.rules.js';

const ZImage = z.object({ src: z.string(), srcset: z.string(), width: z.number().int(), height: z.number().int() });
const ZCaisseRef = z.object({ slug: z.string(), name: z.string() });

export const ZMatchfunding = z.object({
  caisse: ZCaisseRef.nullable(),
  ratioPercent: z.number().int().describe('Dollars the caisse adds per 100 dollars raised (100 = 1:1).'),
  capCents: z.number().int(),
  matchedCents: z.number().int().describe('min(cap, ratio × confirmed raised); 0 once an all-or-nothing campaign failed.'),
});

export const ZCampaign = z.object({
  id: z.string(),
  projectId: z.string(),
  url: z.string(),
  platform: z.string(),
  goalCents: z.number().int(),
  currency: z.literal('CAD'),
  endsAt: z.string().describe('End of the last day (Montréal time).'),
  model: z.enum(CAMPAIGN_MODELS),
  status: z.enum(CAMPAIGN_STATUSES),
  raisedCents: z.number().int().describe('The latest confirmed snapshot (by its time); reported amounts count only once staff confirm them.'),
  backers: z.number().int().nullable(),
  raisedAsOf: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  percent: z.number().int(),
  daysLeft: z.number().int(),
  counts: z.boolean().describe('False once an all-or-nothing campaign failed: its amounts count nowhere.'),
  matchfunding: ZMatchfunding.nullable(),
  preview: z.object({ status: z.enum(PREVIEW_STATUSES), title: z.string().nullable(), image: ZImage.nullable() }),
});
export type CampaignView = z.output<typeof ZCampaign>;

export const ZSnapshot = z.object({
  id: z.string(),
  raisedCents: z.number().int(),
  backers: z.number().int().nullable(),
  note: z.string(),
  status: z.enum(SNAPSHOT_STATUSES),
  takenAt: z.string(),
  submittedBy: z.object({ name: z.string(), handle: z.string() }).nullable().describe('Null once the person deleted their account.'),
  decidedAt: z.string().nullable(),
  decidedBy: z.object({ name: z.string() }).nullable(),
  rejectReason: z.string(),
});
export type SnapshotView = z.output<typeof ZSnapshot>;
export const ZSnapshotList = z.object({ items: z.array(ZSnapshot), nextCursor: z.string().nullable() });

export const ZPendingSnapshot = ZSnapshot.extend({ project: z.object({ id: z.string(), title: z.string(), url: z.string() }), platform: z.string() });
export type PendingSnapshotView = z.output<typeof ZPendingSnapshot>;

export const ZCampaignPage = z.object({
  project: z.object({ id: z.string(), title: z.string(), url: z.string() }),
  campaign: ZCampaign.nullable(),
  needShares: z.array(z.object({ needId: z.string(), cents: z.number().int() })).describe('The campaign’s money (confirmed raised + matched) as counted on the project’s funding needs, after pledges.'),
  can: z.object({ manage: z.boolean(), confirm: z.boolean(), match: z.boolean() }),
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentCampaign(row: CampaignRow, matchCaisse: { slug: string; name: string } | null, now: Date): CampaignView {
  const counts = countsTowardsFunding(row.status);
  const match = row.matchRatioPercent !== null && row.matchCapCents !== null ? { ratioPercent: row.matchRatioPercent, capCents: row.matchCapCents } : null;
  return {
    id: row.id,
    projectId: row.projectId,
    url: row.url,
    platform: row.platform,
    goalCents: row.goalCents,
    currency: 'CAD',
    endsAt: row.endsAt.toISOString(),
    model: row.model,
    status: row.status,
    raisedCents: row.raisedCents,
    backers: row.backers,
    raisedAsOf: iso(row.raisedAsOf),
    confirmedAt: iso(row.confirmedAt),
    percent: percentOfGoal(row.raisedCents, row.goalCents),
    daysLeft: row.status === 'running' ? daysLeft(row.endsAt, now) : 0,
    counts,
    matchfunding: match ? { caisse: matchCaisse, ...match, matchedCents: counts ? matchedCents(row.raisedCents, match) : 0 } : null,
    preview: {
      status: row.previewStatus,
      title: row.previewTitle,
      image: row.previewImageKey && row.previewImageWidth && row.previewImageHeight ? imageSources({ storageKey: row.previewImageKey, width: row.previewImageWidth, height: row.previewImageHeight }) : null,
    },
  };
}

export function presentSnapshot(s: SnapshotRecord): SnapshotView {
  return {
    id: s.id,
    raisedCents: s.raisedCents,
    backers: s.backers,
    note: s.note,
    status: s.status,
    takenAt: s.takenAt.toISOString(),
    submittedBy: s.submitterName && s.submitterHandle ? { name: s.submitterName, handle: s.submitterHandle } : null,
    decidedAt: iso(s.decidedAt),
    decidedBy: s.deciderName ? { name: s.deciderName } : null,
    rejectReason: s.rejectReason,
  };
}

export function presentPendingSnapshot(s: PendingSnapshotRow): PendingSnapshotView {
  return {
    ...presentSnapshot({ ...s, submitterName: null, submitterHandle: null, deciderName: null }),
    project: { id: s.projectId, title: s.projectTitle, url: `/projets/${s.projectId}` },
    platform: s.platform,
  };
}
