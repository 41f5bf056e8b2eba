import { z } from 'zod';
import { ZListQuery } from '../../platform/pagination.js';
import { INCIDENT_STATUSES, REQUEST_KINDS, REQUEST_STATUSES } from './privacy-register.domain.js';
import { isDay } from './privacy-register.rules.js';

const ZDay = z.string().trim().refine(isDay, 'validation.date').describe('A Montréal calendar day, YYYY-MM-DD.');
const text = (max: number) => z.string().trim().min(1).max(max);

export const ZIdParams = z.object({ id: z.string().min(1).max(40) });

/** An incident as recorded; the order of the dates and the conditions to close are checked by the service (privacy-register.rules.ts). */
export const ZIncidentBody = z
  .object({
    occurredOn: ZDay.nullable().default(null).describe('When it happened, if known.'),
    discoveredOn: ZDay,
    description: text(4000).describe('What happened.'),
    personalInfo: text(2000).describe('The personal information concerned.'),
    peopleConcerned: z.number().int().min(0).max(100_000_000).describe('How many people are concerned (an estimate when not known exactly).'),
    seriousRisk: z.boolean().describe('Whether the incident presents a risk of serious injury (Law 25, s. 3.7).'),
    riskAssessment: text(4000).describe('Why: the sensitivity of the information, the likely consequences, the likelihood of misuse.'),
    measures: z.string().trim().max(4000).default('').describe('The measures taken to reduce the risk and prevent a new incident.'),
    caiNotifiedOn: ZDay.nullable().default(null).describe('When the Commission d’accès à l’information was notified (null: not notified).'),
    peopleNotifiedOn: ZDay.nullable().default(null).describe('When the people concerned were notified (null: not notified).'),
  })
  .strict();
export type TIncidentBody = z.output<typeof ZIncidentBody>;

/** Any field of the incident, and its status: `closed` needs the measures taken (and, for a serious risk, both notifications). */
export const ZIncidentPatchBody = z
  .object({
    occurredOn: ZDay.nullable(),
    discoveredOn: ZDay,
    description: text(4000),
    personalInfo: text(2000),
    peopleConcerned: z.number().int().min(0).max(100_000_000),
    seriousRisk: z.boolean(),
    riskAssessment: text(4000),
    measures: z.string().trim().max(4000),
    caiNotifiedOn: ZDay.nullable(),
    peopleNotifiedOn: ZDay.nullable(),
    status: z.enum(INCIDENT_STATUSES),
  })
  .partial()
  .strict();
export type TIncidentPatchBody = z.output<typeof ZIncidentPatchBody>;

export const ZIncidentListQuery = ZListQuery.extend({ status: z.enum(INCIDENT_STATUSES).optional().describe('Open or closed incidents only (default: both).') });
export type TIncidentListQuery = z.output<typeof ZIncidentListQuery>;

const requestFields = {
  receivedOn: ZDay.describe('When the request was received; the answer is due 30 days later.'),
  requesterName: text(200),
  requesterEmail: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  linkAccount: z.boolean().default(false).describe('Link the account that uses this e-mail (refused when none does).'),
  kind: z.enum(REQUEST_KINDS),
  status: z.enum(REQUEST_STATUSES),
  answeredOn: ZDay.nullable(),
  extendedUntil: ZDay.nullable().describe('The later date the person was told of; required with status `extended`.'),
  refusalReason: z.string().trim().max(2000),
  notes: z.string().trim().max(4000),
};

export const ZRequestBody = z
  .object({
    ...requestFields,
    status: requestFields.status.default('received'),
    answeredOn: requestFields.answeredOn.default(null),
    extendedUntil: requestFields.extendedUntil.default(null),
    refusalReason: requestFields.refusalReason.default(''),
    notes: requestFields.notes.default(''),
  })
  .strict();
export type TRequestBody = z.output<typeof ZRequestBody>;

export const ZRequestPatchBody = z.object(requestFields).partial().strict();
export type TRequestPatchBody = z.output<typeof ZRequestPatchBody>;

export const ZRequestListQuery = ZListQuery.extend({ status: z.enum(['open', 'closed']).optional().describe('`open`: received, in progress or extended; `closed`: answered or refused (default: all).') });
export type TRequestListQuery = z.output<typeof ZRequestListQuery>;
