import { newId } from '../../db/ids.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError, type FieldIssue } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { decodeCursor, page, type TListQuery } from '../../platform/pagination.js';
import { audit } from '../../platform/audit.js';
import { usersRepository } from '../auth/users.repository.js';
import { caissesRepository } from '../caisses/caisses.repository.js';
import { isPublicStatus } from '../projects/projects.policy.js';
import { callsRepository, type CallRow } from './calls.repository.js';
import { applicationsRepository, type ApplicationRecord, type CandidateProject } from './calls.applications.repository.js';
import { checkAnswers } from './calls.answers.js';
import { acceptsSubmissions } from './calls.phase.js';
import { canManageCall, eligibilityProblem, type EligibilityProblem } from './calls.policy.js';
import { presentApplication, presentMyApplication, type CallApplicationView, type MyApplicationView } from './calls.presenter.js';
import { findCall, visibleCall } from './calls.service.js';
import { notifySubmitted } from './calls.notify.js';
import { answeredFileQuestions, filesByApplication, prepareUploads, recordFiles, removeFiles, storeFiles, type FileUpload, type StoredFile } from './calls.files.service.js';
import type { ApplicationStatus } from './calls.domain.js';
import type { TApplicationListQuery, TApplyBody, TUpdateApplicationBody } from './calls.schemas.js';

type AppDeps = Pick<Deps, 'db' | 'config'>;
/** What an applicant may still change in "my applications" (decided applications are final; as `updateApplication`). */
const MINE_EDITABLE: readonly ApplicationStatus[] = ['draft', 'submitted', 'withdrawn'];
const callRef = (c: CallRow) => ({ id: c.id, slug: c.slug, title: c.title });

/** Submissions are closed: the phase says so, or the deadline passed before the job moved it. */
function refuseClosed(call: CallRow): never {
  const phase = call.phase === 'open' ? 'review' : call.phase;
  throw new AppError('CALL_PHASE_CLOSED', { phase: call.phase, allowed: ['open'], messageParams: { phase } });
}

/** A project of the person's with its eligibility problem for this call (null = may apply). */
export type Candidate = CandidateProject & { problem: EligibilityProblem | null };

/** The person's projects they promote, each with whether it may apply to this call. */
export async function candidatesFor(deps: Pick<Deps, 'db'>, actor: Actor, call: CallRow, projectId?: string): Promise<Candidate[]> {
  const [projects, callTerritoryIds, served, user] = await Promise.all([
    applicationsRepository.candidateProjects(deps.db, actor.id, projectId),
    callsRepository.territoryIds(deps.db, call.id),
    caissesRepository.territoriesServed(deps.db, [call.caisseId]),
    usersRepository.findById(deps.db, actor.id),
  ]);
  return projects.map((p) => ({
    ...p,
    problem: eligibilityProblem({
      call,
      callTerritoryIds,
      caisseTerritoryIds: served.map((t) => t.id),
      project: { territoryId: p.territoryId, public: isPublicStatus(p.status) && !p.hidden, organisationKind: p.organisationKind },
      applicant: { emailVerified: actor.emailVerified, territoryId: user?.territoryId ?? null },
    }),
  }));
}

/**
 * Answers, amount and uploaded files checked against the call; `complete` when submitting. Every
 * problem is reported at once (a refused file does not hide a missing answer, and the other way round).
 */
async function checkContent(deps: Pick<Deps, 'config'>, call: CallRow, questions: Awaited<ReturnType<typeof callsRepository.questions>>, answers: Record<string, unknown>, requestedCents: number | null, complete: boolean, files: { uploads: Readonly<Record<string, FileUpload>>; existing: ReadonlySet<string> }) {
  const prepared = await prepareUploads(deps, questions, files.uploads);
  const withFile = new Set([...files.existing, ...prepared.files.map((f) => f.questionId)]);
  const checked = checkAnswers(questions, answers, complete, withFile);
  const errors: Record<string, FieldIssue> = { ...checked.errors, ...prepared.errors };
  if (requestedCents === null && complete) errors.requestedCents = { key: 'validation.required' };
  if (requestedCents !== null && requestedCents > call.maxPerProjectCents) errors.requestedCents = { key: 'calls.validation.overMax' };
  if (Object.keys(errors).length) throw validationError(errors);
  return { answers: checked.answers, files: prepared.files };
}

/** Runs `write` with the new files stored first; they are removed again if it fails, and the files they replaced once it succeeded. */
async function withStoredFiles<R>(deps: AppDeps, files: Parameters<typeof storeFiles>[1], write: (stored: StoredFile[]) => Promise<{ result: R; replaced: string[] }>): Promise<R> {
  const stored = await storeFiles(deps, files);
  let done: { result: R; replaced: string[] };
  try {
    done = await write(stored);
  } catch (err) {
    await removeFiles(deps, stored.map((f) => f.key));
    throw err;
  }
  await removeFiles(deps, done.replaced);
  return done.result;
}

async function tellSubmitted(deps: AppDeps, tx: Deps['db'], call: CallRow, applicationId: string, projectTitle: string, actor: Actor): Promise<void> {
  const staff = await callsRepository.staffIds(tx, call.caisseId);
  await notifySubmitted(tx, deps.config, { applicationId, call, projectTitle }, { id: actor.id, email: actor.email, displayName: actor.displayName, locale: actor.locale }, staff);
}

/**
 * A promoter applies with one of their public projects (a draft, or submitted at once). One
 * application per project and call: the unique index settles parallel requests, the loser gets
 * CALL_APPLICATION_EXISTS (409).
 */
export async function applyToCall(deps: AppDeps, actor: Actor | null, callIdOrSlug: string, input: TApplyBody, now = new Date(), uploads: Readonly<Record<string, FileUpload>> = {}): Promise<CallApplicationView> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const call = await visibleCall(deps, actor, callIdOrSlug);
  if (!acceptsSubmissions(call, now)) refuseClosed(call);
  const [candidate] = await candidatesFor(deps, actor, call, input.project);
  if (!candidate) throw validationError({ project: { key: 'calls.validation.notYourProject' } });
  if (candidate.problem) throw new AppError('CALL_NOT_ELIGIBLE', { reason: candidate.problem, messageParams: { reason: candidate.problem } });
  const existing = await applicationsRepository.findForProject(deps.db, call.id, candidate.id);
  if (existing) throw new AppError('CALL_APPLICATION_EXISTS', { applicationId: existing.id });
  const { answers, files } = await checkContent(deps, call, await callsRepository.questions(deps.db, call.id), input.answers, input.requestedCents, input.submit, { uploads, existing: new Set() });
  const id = await withStoredFiles(deps, files, async (stored) => ({ replaced: [], result: await deps.db.transaction(async (tx) => {
    const locked = await callsRepository.lock(tx, call.id);
    if (!locked || !acceptsSubmissions(locked, now)) refuseClosed(locked ?? call);
    const row = await applicationsRepository.insert(tx, {
      id: newId(), callId: call.id, projectId: candidate.id, applicantId: actor.id, status: input.submit ? 'submitted' : 'draft',
      requestedCents: input.requestedCents, answers, submittedAt: input.submit ? now : null,
    });
    if (!row) throw new AppError('CALL_APPLICATION_EXISTS', {});
    await recordFiles(tx, row.id, stored, actor.id);
    if (input.submit) await tellSubmitted(deps, tx, call, row.id, candidate.title, actor);
    await audit(tx, { actorId: actor.id, action: input.submit ? 'calls.application.submit' : 'calls.application.draft', subjectType: 'call_application', subjectId: row.id, data: { callId: call.id, projectId: candidate.id, files: stored.length } });
    return row.id;
  }) }));
  return (await getApplication(deps, actor, id)).view;
}

/** The application for its project's promoters and the call's managers; others get FORBIDDEN. */
export async function getApplication(deps: Pick<Deps, 'db'>, actor: Actor | null, id: string): Promise<{ view: CallApplicationView; record: ApplicationRecord; call: CallRow; promoter: boolean }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const record = await applicationsRepository.findById(deps.db, id);
  if (!record) throw new AppError('CALL_APPLICATION_NOT_FOUND', { id });
  const call = await findCall(deps, record.callId);
  const promoter = await applicationsRepository.isPromoter(deps.db, record.projectId, actor.id);
  if (!promoter && !canManageCall(actor, call)) throw new AppError('FORBIDDEN');
  const files = (await filesByApplication(deps, [record.id])).get(record.id) ?? [];
  return { view: presentApplication(record, callRef(call), files), record, call, promoter };
}

/** The project's promoters edit, submit or withdraw while submissions are open. */
export async function updateApplication(deps: AppDeps, actor: Actor | null, id: string, input: TUpdateApplicationBody, now = new Date(), uploads: Readonly<Record<string, FileUpload>> = {}): Promise<CallApplicationView> {
  const { record, call, promoter } = await getApplication(deps, actor, id);
  if (!promoter) throw new AppError('FORBIDDEN');
  if (!acceptsSubmissions(call, now)) refuseClosed(call);
  const editable: ApplicationStatus[] = ['draft', 'submitted', 'withdrawn'];
  if (!editable.includes(record.status)) refuseClosed(call);
  const requestedCents = input.requestedCents !== undefined ? input.requestedCents : record.requestedCents;
  const submitting = input.action === 'submit' || (input.action === 'save' && record.status === 'submitted');
  const { answers, files } = input.action === 'withdraw'
    ? { answers: record.answers, files: [] }
    : await checkContent(deps, call, await callsRepository.questions(deps.db, call.id), input.answers ?? record.answers, requestedCents, submitting, { uploads, existing: await answeredFileQuestions(deps, id) });
  const status: ApplicationStatus = input.action === 'withdraw' ? 'withdrawn' : submitting ? 'submitted' : record.status === 'withdrawn' ? 'draft' : record.status;
  await withStoredFiles(deps, files, async (stored) => ({ result: undefined, replaced: await deps.db.transaction(async (tx) => {
    const locked = await callsRepository.lock(tx, call.id);
    if (!locked || !acceptsSubmissions(locked, now)) refuseClosed(locked ?? call);
    const newlySubmitted = status === 'submitted' && record.status !== 'submitted';
    const row = await applicationsRepository.update(tx, id, editable, { status, answers, requestedCents, ...(newlySubmitted ? { submittedAt: now } : {}) });
    if (!row) refuseClosed(call);
    const replaced = await recordFiles(tx, id, stored, actor!.id);
    if (newlySubmitted) await tellSubmitted(deps, tx, call, id, record.project.title, actor!);
    await audit(tx, { actorId: actor!.id, action: `calls.application.${input.action}`, subjectType: 'call_application', subjectId: id, data: { status, files: stored.length } });
    return replaced;
  }) }));
  return (await getApplication(deps, actor, id)).view;
}

/** A call's applications (not drafts) for its managers. */
export async function listApplications(deps: Pick<Deps, 'db'>, actor: Actor | null, callIdOrSlug: string, query: TApplicationListQuery): Promise<{ items: CallApplicationView[]; nextCursor: string | null }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const call = await visibleCall(deps, actor, callIdOrSlug);
  if (!canManageCall(actor, call)) throw new AppError('FORBIDDEN');
  const rows = await applicationsRepository.listForCall(deps.db, call.id, { status: query.status, limit: query.limit, cursor: decodeCursor(query.cursor) });
  const paged = page(rows, query.limit, (r) => ({ at: r.cursorAt, id: r.id }));
  const files = await filesByApplication(deps, paged.items.map((r) => r.id));
  return { items: paged.items.map((r) => presentApplication(r, callRef(call), files.get(r.id))), nextCursor: paged.nextCursor };
}

/**
 * "My applications" (/moi and `GET /api/v1/me/applications`): those the person filed or that a project
 * they promote filed, newest first, keyset-paged; each editable while its call takes submissions.
 */
export async function listMyApplications(deps: Pick<Deps, 'db'>, actor: Actor | null, query: TListQuery, now = new Date()): Promise<{ items: MyApplicationView[]; nextCursor: string | null }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const rows = await applicationsRepository.listMine(deps.db, actor.id, query.limit, decodeCursor(query.cursor));
  const paged = page(rows, query.limit, (r) => ({ at: r.cursorAt, id: r.id }));
  const editable = (r: (typeof rows)[number]) => r.promoter && MINE_EDITABLE.includes(r.status) && acceptsSubmissions({ phase: r.callPhase, submissionsCloseAt: r.submissionsCloseAt }, now);
  return { items: paged.items.map((r) => presentMyApplication(r, editable(r))), nextCursor: paged.nextCursor };
}

/** The applications of the projects this person promotes (all calls, or one). */
export async function myApplications(deps: Pick<Deps, 'db'>, actor: Actor, callId?: string): Promise<CallApplicationView[]> {
  const rows = await applicationsRepository.forPromoter(deps.db, actor.id, callId);
  const files = await filesByApplication(deps, rows.map((r) => r.id));
  return rows.map((r) => presentApplication(r, { id: r.callId, slug: r.call.slug, title: r.call.title }, files.get(r.id)));
}
