import { z } from 'zod';
import { INCIDENT_STATUSES, REQUEST_KINDS, REQUEST_STATUSES } from './privacy-register.domain.js';
import type { IncidentRecord, RequestRecord } from './privacy-register.repository.js';
import { requestTiming } from './privacy-register.rules.js';
import type { DeadlineSummary } from './privacy-register.service.js';

const ZPerson = z.object({ name: z.string(), handle: z.string() }).nullable();
const iso = (d: Date | null) => d?.toISOString() ?? null;
const personOf = (r: { createdByName: string | null; createdByHandle: string | null }) => (r.createdByName && r.createdByHandle ? { name: r.createdByName, handle: r.createdByHandle } : null);

/** One entry of the confidentiality-incident register (platform admins only). */
export const ZPrivacyIncident = z.object({
  id: z.string(),
  occurredOn: z.string().nullable(),
  discoveredOn: z.string(),
  description: z.string(),
  personalInfo: z.string(),
  peopleConcerned: z.number().int(),
  seriousRisk: z.boolean(),
  riskAssessment: z.string(),
  measures: z.string(),
  caiNotifiedOn: z.string().nullable(),
  peopleNotifiedOn: z.string().nullable(),
  status: z.enum(INCIDENT_STATUSES),
  closedAt: z.string().nullable(),
  createdBy: ZPerson,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PrivacyIncidentView = z.output<typeof ZPrivacyIncident>;
export const ZPrivacyIncidentPage = z.object({ items: z.array(ZPrivacyIncident), nextCursor: z.string().nullable() });

export function presentIncident(r: IncidentRecord): PrivacyIncidentView {
  return {
    id: r.id, occurredOn: r.occurredOn, discoveredOn: r.discoveredOn, description: r.description, personalInfo: r.personalInfo, peopleConcerned: r.peopleConcerned,
    seriousRisk: r.seriousRisk, riskAssessment: r.riskAssessment, measures: r.measures, caiNotifiedOn: r.caiNotifiedOn, peopleNotifiedOn: r.peopleNotifiedOn,
    status: r.status, closedAt: iso(r.closedAt), createdBy: personOf(r), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

/** One access, rectification, deletion or portability request, with where it stands today. */
export const ZPrivacyRequest = z.object({
  id: z.string(),
  receivedOn: z.string(),
  kind: z.enum(REQUEST_KINDS),
  requester: z.object({ name: z.string(), email: z.string(), account: z.object({ handle: z.string() }).nullable().describe('The linked account, if any.') }),
  status: z.enum(REQUEST_STATUSES),
  dueOn: z.string().describe('The received day + 30, or the extended date.'),
  extendedUntil: z.string().nullable(),
  daysLeft: z.number().int().nullable().describe('Days until the due date (negative once overdue); null once answered or refused.'),
  overdue: z.boolean(),
  late: z.boolean().describe('Answered or refused after the due date.'),
  answeredOn: z.string().nullable(),
  refusalReason: z.string(),
  notes: z.string(),
  createdBy: ZPerson,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PrivacyRequestView = z.output<typeof ZPrivacyRequest>;
export const ZPrivacyRequestPage = z.object({ items: z.array(ZPrivacyRequest), nextCursor: z.string().nullable() });

export function presentRequest(r: RequestRecord, today: string): PrivacyRequestView {
  const timing = requestTiming(r, today);
  return {
    id: r.id, receivedOn: r.receivedOn, kind: r.kind,
    requester: { name: r.requesterName, email: r.requesterEmail, account: r.requesterHandle ? { handle: r.requesterHandle } : null },
    status: r.status, dueOn: timing.dueOn, extendedUntil: r.extendedUntil, daysLeft: timing.daysLeft, overdue: timing.overdue, late: timing.late,
    answeredOn: r.answeredOn, refusalReason: r.refusalReason, notes: r.notes, createdBy: personOf(r), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
  };
}

const count = (what: string) => z.number().int().min(0).describe(what);

/** The whole register at a glance on one Montréal day (not one page of it): counts only. */
export const ZPrivacyDeadlineSummary = z.object({
  today: z.string().describe('The Montréal calendar day the counts are for (YYYY-MM-DD).'),
  soonUntil: z.string().describe('The last day of the "due soon" window: today + 7.'),
  requests: z.object({
    overdue: count('Open requests (received, in progress or extended) past their due date.'),
    dueToday: count('Open requests due today.'),
    dueSoon: count('Open requests due after today, up to `soonUntil`.'),
  }),
  incidents: z.object({
    open: count('Open confidentiality incidents.'),
    openSeriousRisk: count('Open incidents presenting a risk of serious injury.'),
  }),
});
export type PrivacyDeadlineSummaryView = z.output<typeof ZPrivacyDeadlineSummary>;

export function presentDeadlineSummary(s: DeadlineSummary): PrivacyDeadlineSummaryView {
  return {
    today: s.today, soonUntil: s.soonUntil,
    requests: { overdue: s.overdue, dueToday: s.dueToday, dueSoon: s.dueSoon },
    incidents: { open: s.openIncidents, openSeriousRisk: s.openSeriousIncidents },
  };
}
