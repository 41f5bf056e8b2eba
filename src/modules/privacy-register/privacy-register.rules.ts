import type { FieldIssue } from '../../platform/errors.js';
import { ANSWER_DAYS, OPEN_REQUEST_STATUSES, SOON_DAYS, type IncidentStatus, type RequestKind, type RequestStatus } from './privacy-register.domain.js';

/** Calendar days as `YYYY-MM-DD` (Montréal days, compared as UTC dates: no time zone in between). */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is before). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/** The answer is due 30 days after the request was received. */
export function dueDate(receivedOn: string): string {
  return addDays(receivedOn, ANSWER_DAYS);
}

export type RequestTiming = {
  /** The date that counts: the extended one when the person was told, else received + 30. */
  dueOn: string;
  open: boolean;
  /** Days until the due date (0 on the day itself, negative once overdue); null once answered or refused. */
  daysLeft: number | null;
  overdue: boolean;
  /** Answered or refused after the date that counted. */
  late: boolean;
};

/** Where a request stands on `today` (a Montréal calendar day). */
export function requestTiming(r: { dueOn: string; extendedUntil: string | null; status: RequestStatus; answeredOn: string | null }, today: string): RequestTiming {
  const dueOn = r.extendedUntil ?? r.dueOn;
  const open = (OPEN_REQUEST_STATUSES as readonly string[]).includes(r.status);
  const daysLeft = open ? daysBetween(today, dueOn) : null;
  return { dueOn, open, daysLeft, overdue: daysLeft !== null && daysLeft < 0, late: !open && r.answeredOn !== null && r.answeredOn > dueOn };
}

/** Where an open request's due date falls, seen from `today`: the summary's buckets (disjoint), null beyond the soon window. */
export type DeadlineBucket = 'overdue' | 'dueToday' | 'dueSoon';
export function deadlineBucket(dueOn: string, today: string): DeadlineBucket | null {
  const left = daysBetween(today, dueOn);
  if (left < 0) return 'overdue';
  if (left === 0) return 'dueToday';
  return left <= SOON_DAYS ? 'dueSoon' : null;
}

/** The last day the reminder looks at: an open request due on or before it (overdue included) is in the reminder. */
export function reminderHorizon(today: string): string {
  return addDays(today, SOON_DAYS);
}

type ReminderCandidate = { id: string; kind: RequestKind; dueOn: string; extendedUntil: string | null; status: RequestStatus };
export type ReminderItem = { id: string; kind: RequestKind; dueOn: string; daysLeft: number; bucket: DeadlineBucket };

/**
 * The requests a reminder lists: open ones due within the soon window or already overdue, soonest
 * first (the date that counts: the extended one when set; ties keep their order). Only the reference, kind and dates: no
 * requester's name or e-mail ever reaches the mail.
 */
export function reminderItems(requests: readonly ReminderCandidate[], today: string): ReminderItem[] {
  return requests
    .flatMap((r) => {
      const timing = requestTiming({ ...r, answeredOn: null }, today);
      const bucket = timing.open ? deadlineBucket(timing.dueOn, today) : null;
      return bucket ? [{ id: r.id, kind: r.kind, dueOn: timing.dueOn, daysLeft: timing.daysLeft!, bucket }] : [];
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

type Issues = Record<string, FieldIssue>;
const k = (key: string, params?: Record<string, unknown>): FieldIssue => ({ key: `privacyRegister.validation.${key}`, ...(params ? { params } : {}) });

export type IncidentFacts = {
  occurredOn: string | null;
  discoveredOn: string;
  seriousRisk: boolean;
  measures: string;
  caiNotifiedOn: string | null;
  peopleNotifiedOn: string | null;
  status: IncidentStatus;
};

/**
 * An incident's dates in order and never in the future; a closed incident says what was done and,
 * when it carried a risk of serious injury, when the Commission and the people were notified.
 */
export function incidentIssues(i: IncidentFacts, today: string): Issues {
  const issues: Issues = {};
  if (i.occurredOn && i.occurredOn > today) issues.occurredOn = k('future');
  if (i.discoveredOn > today) issues.discoveredOn = k('future');
  else if (i.occurredOn && i.discoveredOn < i.occurredOn) issues.discoveredOn = k('discoveredBeforeOccurred');
  for (const field of ['caiNotifiedOn', 'peopleNotifiedOn'] as const) {
    const day = i[field];
    if (day && day > today) issues[field] = k('future');
    else if (day && day < i.discoveredOn) issues[field] = k('notifiedBeforeDiscovered');
  }
  if (i.status === 'closed') {
    if (!i.measures.trim()) issues.measures = k('measuresToClose');
    if (i.seriousRisk && !i.caiNotifiedOn && !issues.caiNotifiedOn) issues.caiNotifiedOn = k('notifyToClose');
    if (i.seriousRisk && !i.peopleNotifiedOn && !issues.peopleNotifiedOn) issues.peopleNotifiedOn = k('notifyToClose');
  }
  return issues;
}

export type RequestFacts = { receivedOn: string; status: RequestStatus; answeredOn: string | null; extendedUntil: string | null; refusalReason: string };

/** A request received no later than today; an answer dated (after it was received); a refusal with its reason; an extension with its new date. */
export function requestIssues(r: RequestFacts, today: string): Issues {
  const issues: Issues = {};
  if (r.receivedOn > today) issues.receivedOn = k('future');
  const closed = r.status === 'answered' || r.status === 'refused';
  if (closed && !r.answeredOn) issues.answeredOn = k('answeredOnRequired');
  else if (r.answeredOn && r.answeredOn > today) issues.answeredOn = k('future');
  else if (r.answeredOn && r.answeredOn < r.receivedOn) issues.answeredOn = k('answeredBeforeReceived');
  if (r.status === 'refused' && !r.refusalReason.trim()) issues.refusalReason = k('refusalReasonRequired');
  if (r.status === 'extended' && !r.extendedUntil) issues.extendedUntil = k('extendedUntilRequired');
  else if (r.extendedUntil && r.extendedUntil <= dueDate(r.receivedOn)) issues.extendedUntil = k('extendedAfterDue', { date: dueDate(r.receivedOn) });
  return issues;
}

