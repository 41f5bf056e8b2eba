import { z } from 'zod';
import { ZImpactTotals } from '../impact/impact.presenter.js';
import { NEED_UNITS } from '../needs/needs.domain.js';
import { PLEDGE_STATUSES } from '../pledges/pledges.domain.js';
import { CAPACITY_KINDS, CAPACITY_PERIODS, PARTNERSHIP_STATUSES } from './partners.domain.js';

/** Response shapes of the partner API; services build the views, these whitelist what goes out. */
const ZCharterChoice = z.object({
  caisse: z.object({ slug: z.string(), name: z.string() }),
  version: z.number().int(),
  text: z.string().describe('In the reader’s language.'),
  otherText: z.string().describe('In the other language.'),
  publishedAt: z.string(),
  signedVersion: z.number().int().nullable(),
  partnership: z.enum(PARTNERSHIP_STATUSES).nullable(),
  canSign: z.boolean(),
});
export const ZCharterChoices = z.object({ items: z.array(ZCharterChoice) });

const ZPartnership = z.object({
  caisse: z.object({ slug: z.string(), name: z.string() }),
  status: z.enum(PARTNERSHIP_STATUSES),
  reason: z.string().nullable().describe('Only for the organisation’s people and the caisse’s staff.'),
  since: z.string(),
  charterVersion: z.number().int().nullable(),
  signedAt: z.string().nullable(),
  signedBy: z.string().nullable(),
});
export const ZPartnerships = z.object({ items: z.array(ZPartnership) });

export const ZCapacity = z.object({
  id: z.string(),
  kind: z.enum(CAPACITY_KINDS),
  unit: z.enum(NEED_UNITS).nullable().describe('hours, cents or items; null for "other".'),
  amount: z.number().int(),
  period: z.enum(CAPACITY_PERIODS),
  label: z.string(),
  periodKey: z.string().describe('The current period: 2026-12 or 2026.'),
  used: z.number().int(),
  remaining: z.number().int().min(0),
});
export const ZCapacities = z.object({ items: z.array(ZCapacity) });

export const ZDashboard = z.object({
  organisation: z.object({ slug: z.string(), name: z.string(), partner: z.boolean() }),
  projects: z.array(z.object({ id: z.string(), title: z.string(), status: z.string(), pledges: z.number().int() })),
  pledgesByStatus: z.record(z.enum(PLEDGE_STATUSES), z.number().int()),
  capacities: z.array(ZCapacity),
  impact: ZImpactTotals,
});

export const ZInvitationSent = z.object({ expiresAt: z.string() });
export const ZJoined = z.object({ organisation: z.string() });
