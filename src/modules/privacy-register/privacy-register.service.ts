import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { audit } from '../../platform/audit.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { newId } from '../../db/ids.js';
import { montrealDate } from '../delegates/delegates.dates.js';
import { canKeepPrivacyRegister } from './privacy-register.policy.js';
import { dueDate, incidentIssues, reminderHorizon, requestIssues } from './privacy-register.rules.js';
import { privacyRegisterRepository as repo, type DeadlineCounts, type IncidentRecord, type IncidentRow, type RequestRecord, type RequestRow } from './privacy-register.repository.js';
import type { TIncidentBody, TIncidentListQuery, TIncidentPatchBody, TRequestBody, TRequestListQuery, TRequestPatchBody } from './privacy-register.schemas.js';

type Page<R> = { items: R[]; nextCursor: string | null };

/** Today in Montréal, as the register's dates are written. */
export const registerToday = (): string => montrealDate(new Date());

function keeper(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!canKeepPrivacyRegister(actor)) throw new AppError('FORBIDDEN');
  return actor;
}

function refuseIf(issues: Record<string, unknown>): void {
  if (Object.keys(issues).length > 0) throw validationError(issues as never);
}

/** The names of the fields a patch really changes (the audit entry lists them, never their values). */
function changedFields<R extends Record<string, unknown>>(row: R, patch: Partial<R>): string[] {
  return Object.entries(patch).filter(([k, v]) => v !== undefined && row[k] !== v).map(([k]) => k);
}

// ——— the whole register at a glance ———

export type DeadlineSummary = DeadlineCounts & { today: string; soonUntil: string };

/** Register-wide counts (not the page shown): overdue, due today, due within the soon window, open incidents and serious ones. */
export async function deadlineSummary(deps: Pick<Deps, 'db'>, actor: Actor | null): Promise<DeadlineSummary> {
  keeper(actor);
  const today = registerToday();
  const soonUntil = reminderHorizon(today);
  return { today, soonUntil, ...(await repo.deadlineCounts(deps.db, today, soonUntil)) };
}

// ——— incidents ———

export async function listIncidents(deps: Pick<Deps, 'db'>, actor: Actor | null, q: TIncidentListQuery): Promise<Page<IncidentRecord>> {
  keeper(actor);
  const rows = await repo.incidentPage(deps.db, { status: q.status, limit: q.limit + 1, after: decodeCursor(q.cursor) });
  return page(rows, q.limit, (r) => ({ at: r.discoveredOn, id: r.id }));
}

export async function getIncident(deps: Pick<Deps, 'db'>, actor: Actor | null, id: string): Promise<IncidentRecord> {
  keeper(actor);
  const row = await repo.findIncident(deps.db, id);
  if (!row) throw new AppError('PRIVACY_INCIDENT_NOT_FOUND');
  return row;
}

export async function createIncident(deps: Pick<Deps, 'db'>, actor: Actor | null, input: TIncidentBody): Promise<IncidentRecord> {
  const me = keeper(actor);
  refuseIf(incidentIssues({ ...input, status: 'open' }, registerToday()));
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await repo.insertIncident(tx, { id, ...input, createdBy: me.id, updatedBy: me.id });
    await audit(tx, { actorId: me.id, action: 'privacy.incident.recorded', subjectType: 'privacy_incident', subjectId: id, data: { seriousRisk: input.seriousRisk } });
  });
  return getIncident(deps, me, id);
}

/** Any field and the status; closing needs the measures taken (and both notifications for a serious risk). Every change is audited. */
export async function updateIncident(deps: Pick<Deps, 'db'>, actor: Actor | null, id: string, patch: TIncidentPatchBody): Promise<IncidentRecord> {
  const me = keeper(actor);
  await deps.db.transaction(async (tx) => {
    const row = await repo.lockIncident(tx, id);
    if (!row) throw new AppError('PRIVACY_INCIDENT_NOT_FOUND');
    const next: IncidentRow = { ...row, ...stripUndefined(patch) };
    refuseIf(incidentIssues(next, registerToday()));
    const fields = changedFields(row, stripUndefined(patch) as Partial<IncidentRow>);
    if (fields.length === 0) return;
    const statusChanged = next.status !== row.status;
    await repo.updateIncident(tx, id, { ...stripUndefined(patch), updatedBy: me.id, ...(statusChanged ? { closedAt: next.status === 'closed' ? new Date() : null } : {}) });
    const action = statusChanged ? (next.status === 'closed' ? 'privacy.incident.closed' : 'privacy.incident.reopened') : 'privacy.incident.updated';
    await audit(tx, { actorId: me.id, action, subjectType: 'privacy_incident', subjectId: id, data: { fields } });
  });
  return getIncident(deps, me, id);
}

// ——— requests ———

export async function listRequests(deps: Pick<Deps, 'db'>, actor: Actor | null, q: TRequestListQuery): Promise<Page<RequestRecord>> {
  keeper(actor);
  const rows = await repo.requestPage(deps.db, { status: q.status, limit: q.limit + 1, after: decodeCursor(q.cursor) });
  return page(rows, q.limit, (r) => ({ at: r.extendedUntil ?? r.dueOn, id: r.id }));
}

export async function getRequest(deps: Pick<Deps, 'db'>, actor: Actor | null, id: string): Promise<RequestRecord> {
  keeper(actor);
  const row = await repo.findRequest(deps.db, id);
  if (!row) throw new AppError('PRIVACY_REQUEST_NOT_FOUND');
  return row;
}

async function linkedAccount(deps: Pick<Deps, 'db'>, email: string): Promise<string> {
  const account = await repo.accountByEmail(deps.db, email);
  if (!account) throw validationError({ requesterEmail: { key: 'privacyRegister.validation.noAccount' } });
  return account.id;
}

export async function createRequest(deps: Pick<Deps, 'db'>, actor: Actor | null, input: TRequestBody): Promise<RequestRecord> {
  const me = keeper(actor);
  const { linkAccount, ...fields } = input;
  refuseIf(requestIssues(fields, registerToday()));
  const requesterUserId = linkAccount ? await linkedAccount(deps, fields.requesterEmail) : null;
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await repo.insertRequest(tx, { id, ...fields, dueOn: dueDate(fields.receivedOn), requesterUserId, createdBy: me.id, updatedBy: me.id });
    await audit(tx, { actorId: me.id, action: 'privacy.request.recorded', subjectType: 'privacy_request', subjectId: id, data: { kind: fields.kind, status: fields.status } });
  });
  return getRequest(deps, me, id);
}

/** Any field; the due date follows the received day; `linkAccount` (re)links or unlinks the account. Every change is audited. */
export async function updateRequest(deps: Pick<Deps, 'db'>, actor: Actor | null, id: string, patch: TRequestPatchBody): Promise<RequestRecord> {
  const me = keeper(actor);
  const { linkAccount, ...fields } = stripUndefined(patch);
  await deps.db.transaction(async (tx) => {
    const row = await repo.lockRequest(tx, id);
    if (!row) throw new AppError('PRIVACY_REQUEST_NOT_FOUND');
    const next: RequestRow = { ...row, ...fields };
    // The answer date stays only with an answer or a refusal; the reason only with a refusal.
    if (next.status !== 'answered' && next.status !== 'refused') next.answeredOn = null;
    if (next.status !== 'refused') next.refusalReason = '';
    refuseIf(requestIssues(next, registerToday()));
    next.dueOn = dueDate(next.receivedOn);
    const emailChanged = next.requesterEmail !== row.requesterEmail;
    if (linkAccount === true || (linkAccount === undefined && emailChanged && row.requesterUserId)) {
      const account = await repo.accountByEmail(tx, next.requesterEmail);
      if (!account && linkAccount) throw validationError({ requesterEmail: { key: 'privacyRegister.validation.noAccount' } });
      next.requesterUserId = account?.id ?? null;
    } else if (linkAccount === false) next.requesterUserId = null;
    const { id: _id, createdAt: _c, updatedAt: _u, createdBy: _b, updatedBy: _ub, ...changes } = next;
    const changed = changedFields(row, changes as Partial<RequestRow>);
    if (changed.length === 0) return;
    await repo.updateRequest(tx, id, { ...changes, updatedBy: me.id });
    const action = next.status !== row.status ? `privacy.request.${next.status}` : 'privacy.request.updated';
    await audit(tx, { actorId: me.id, action, subjectType: 'privacy_request', subjectId: id, data: { fields: changed } });
  });
  return getRequest(deps, me, id);
}

function stripUndefined<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
