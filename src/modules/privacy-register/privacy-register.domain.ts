/** The privacy register's closed sets (Law 25); `privacy-register.tables.ts` uses them and re-exports them. */
export const INCIDENT_STATUSES = ['open', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
/** What a person asks under Law 25: see their information, correct it, erase it, receive it in a portable format. */
export const REQUEST_KINDS = ['access', 'rectification', 'deletion', 'portability'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
/** `received` → `in_progress` (or `extended`, with a new date) → `answered` | `refused` (with a reason). */
export const REQUEST_STATUSES = ['received', 'in_progress', 'extended', 'answered', 'refused'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** Requests still waiting for an answer: their due date counts. */
export const OPEN_REQUEST_STATUSES = ['received', 'in_progress', 'extended'] as const satisfies readonly RequestStatus[];
/** Law 25 (private sector act, s. 32): an answer within 30 days of receiving the request. */
export const ANSWER_DAYS = 30;
/** "Due soon": the summary and the daily reminder look this many days past today (Montréal calendar days). */
export const SOON_DAYS = 7;
