import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { audit } from '../../platform/audit.js';
import { assertPhase } from '../calls/calls.phase.js';
import { usersRepository } from '../auth/users.repository.js';
import { callReviewsRepository as repo, type CallRow } from './call-reviews.repository.js';
import { canRunCall, canScore, eligibleAsJuror } from './call-reviews.policy.js';
import { loadCall, loadCompetingApplication, requireJuror, requireRunner } from './call-reviews.access.js';
import { presentCallRef, projectRef, type JuryView, type ReviewFormView, type ReviewQueueView } from './call-reviews.presenter.js';
import type { TConflictsBody, TReviewBody } from './call-reviews.schemas.js';
import { filesByApplication } from '../calls/calls.files.service.js';
import { presentApplicationFile, type CallApplicationFileView } from '../calls/calls.presenter.js';

type CallRef = { id: string } | { slug: string };
/** The jury changes until the review ends; conflicts are declared until then too. */
const JURY_PHASES = ['draft', 'open', 'review'] as const;

/** The jury of a call: its members for staff and jurors, and for staff the people they may add. */
export async function jury(deps: Deps, actor: Actor | null, ref: CallRef): Promise<JuryView> {
  const call = await loadCall(deps, actor, ref);
  const manage = canRunCall(actor, call);
  if (!manage) await requireJuror(deps, actor, call);
  const jurors = await repo.jurors(deps.db, call.id);
  const seated = new Set(jurors.map((j) => j.userId));
  const candidates = manage ? (await repo.candidates(deps.db, call.caisseId)).filter((c) => !seated.has(c.id)) : [];
  return {
    call: presentCallRef(call),
    jurors: jurors.map((j) => ({ handle: j.handle === null || j.userId === null ? null : j.handle, displayName: j.userId === null ? null : j.displayName, addedAt: j.createdAt.toISOString() })),
    candidates: candidates.map((c) => ({ handle: c.handle, displayName: c.displayName, role: c.role === 'delegate' ? 'delegate' : 'staff' })),
    can: { manage: manage && (JURY_PHASES as readonly string[]).includes(call.phase) },
  };
}

/** Staff add a juror: staff of the call's caisse or one of its delegates in their term, nobody else. */
export async function addJuror(deps: Deps, actor: Actor | null, ref: CallRef, handle: string): Promise<JuryView> {
  const call = await loadCall(deps, actor, ref);
  const staff = requireRunner(actor, call);
  assertPhase(call, ...JURY_PHASES);
  const person = await repo.userByHandle(deps.db, handle);
  if (!person || person.deleted) throw validationError({ handle: { key: 'callReviews.validation.jurorUnknown' } });
  const roles = await usersRepository.rolesOf(deps.db, person.id);
  if (!eligibleAsJuror({ id: person.id, roles }, call.caisseId)) throw new AppError('JUROR_NOT_ELIGIBLE');
  await deps.db.transaction(async (tx) => {
    if (!(await repo.insertJuror(tx, { callId: call.id, userId: person.id, addedBy: staff.id }))) throw new AppError('JUROR_ALREADY_ADDED');
    await audit(tx, { actorId: staff.id, action: 'calls.jury.add', subjectType: 'call', subjectId: call.id, data: { userId: person.id } });
  });
  return jury(deps, actor, { id: call.id });
}

/** Staff remove a juror (with their scores, notes and declarations) until the review ends. */
export async function removeJuror(deps: Deps, actor: Actor | null, ref: CallRef, handle: string): Promise<JuryView> {
  const call = await loadCall(deps, actor, ref);
  const staff = requireRunner(actor, call);
  assertPhase(call, ...JURY_PHASES);
  const person = await repo.userByHandle(deps.db, handle);
  await deps.db.transaction(async (tx) => {
    if (!person || !(await repo.deleteJuror(tx, call.id, person.id))) throw new AppError('JUROR_NOT_FOUND');
    await audit(tx, { actorId: staff.id, action: 'calls.jury.remove', subjectType: 'call', subjectId: call.id, data: { userId: person.id } });
  });
  return jury(deps, actor, { id: call.id });
}

async function progressOf(deps: Pick<Deps, 'db'>, call: CallRow, jurorId: string) {
  const [applications, criteria, conflicts, scores] = await Promise.all([repo.competingApplications(deps.db, call.id), repo.criteria(deps.db, call.id), repo.conflicts(deps.db, call.id), repo.scores(deps.db, call.id)]);
  const mine = new Map(conflicts.filter((c) => c.jurorId === jurorId).map((c) => [c.applicationId, c.reason]));
  const criterionIds = new Set(criteria.map((c) => c.id));
  const scored = new Map<string, number>();
  for (const s of scores) if (s.jurorId === jurorId && criterionIds.has(s.criterionId)) scored.set(s.applicationId, (scored.get(s.applicationId) ?? 0) + 1);
  const items = applications.map((a) => {
    const n = scored.get(a.id) ?? 0;
    return { application: a, conflicted: mine.has(a.id), conflictReason: mine.get(a.id) ?? '', scoredCriteria: n, reviewed: !mine.has(a.id) && criteria.length > 0 && n === criteria.length };
  });
  const open = items.filter((i) => !i.conflicted);
  return { items, criteria, progress: { reviewed: open.filter((i) => i.reviewed).length, total: open.length } };
}

/** A juror's queue: every application in the running, their progress ("7 of 12 reviewed"), conflicts marked. */
export async function reviewQueue(deps: Deps, actor: Actor | null, ref: CallRef): Promise<ReviewQueueView> {
  const call = await loadCall(deps, actor, ref);
  const { jurorId } = await requireJuror(deps, actor, call);
  const { items, criteria, progress } = await progressOf(deps, call, jurorId);
  return {
    call: presentCallRef(call),
    criteriaCount: criteria.length,
    items: items.map((i) => ({ applicationId: i.application.id, project: projectRef(i.application), conflicted: i.conflicted, conflictReason: i.conflictReason, scoredCriteria: i.scoredCriteria, reviewed: i.reviewed })),
    progress,
    can: { score: call.phase === 'review', declare: (JURY_PHASES as readonly string[]).includes(call.phase) },
  };
}

/** A juror declares (replaces) their conflicts of interest; newly conflicted applications lose that juror's scores. */
export async function declareConflicts(deps: Deps, actor: Actor | null, ref: CallRef, input: TConflictsBody): Promise<ReviewQueueView> {
  const call = await loadCall(deps, actor, ref);
  const { actor: juror, jurorId } = await requireJuror(deps, actor, call);
  assertPhase(call, ...JURY_PHASES);
  const known = new Set((await repo.competingApplications(deps.db, call.id)).map((a) => a.id));
  const fields: Record<string, { key: string }> = {};
  input.items.forEach((i, n) => {
    if (!known.has(i.applicationId)) fields[`items.${n}.applicationId`] = { key: 'validation.choice' };
  });
  if (Object.keys(fields).length) throw validationError(fields);
  await deps.db.transaction(async (tx) => {
    await repo.replaceConflicts(tx, call.id, jurorId, input.items);
    await audit(tx, { actorId: juror.id, action: 'calls.jury.conflicts', subjectType: 'call', subjectId: call.id, data: { applications: input.items.map((i) => i.applicationId) } });
  });
  return reviewQueue(deps, actor, { id: call.id });
}

function answersOf(questions: { id: string; label: string; kind: string }[], answers: Record<string, string | number>, files: readonly CallApplicationFileView[]) {
  return questions.map((q) => q.kind === 'file'
    ? { questionId: q.id, label: q.label, kind: q.kind, value: null, file: files.find((f) => f.questionId === q.id) ?? null }
    : { questionId: q.id, label: q.label, kind: q.kind, value: answers[q.id] ?? null, file: null });
}

/** The scoring form of one application for the juror asking; a conflicted juror gets REVIEW_CONFLICT (title only, no answers). */
export async function reviewForm(deps: Deps, actor: Actor | null, applicationId: string): Promise<ReviewFormView> {
  const { call, application } = await loadCompetingApplication(deps, actor, applicationId);
  const { jurorId } = await requireJuror(deps, actor, call);
  if (await repo.isConflicted(deps.db, jurorId, application.id)) throw new AppError('REVIEW_CONFLICT', { project: application.projectTitle });
  const [questions, criteria, scores, note, { progress }, files] = await Promise.all([
    repo.questions(deps.db, call.id), repo.criteria(deps.db, call.id), repo.scoresOf(deps.db, application.id, jurorId), repo.noteOf(deps.db, application.id, jurorId), progressOf(deps, call, jurorId),
    filesByApplication(deps, [application.id]),
  ]);
  return {
    call: presentCallRef(call),
    application: {
      id: application.id,
      project: projectRef(application),
      summary: application.projectSummary,
      requestedCents: application.requestedCents,
      answers: answersOf(questions, application.answers, (files.get(application.id) ?? []).map((f) => presentApplicationFile(f, call.id))),
    },
    criteria: criteria.map((c) => ({ id: c.id, label: c.label, description: c.description, weight: c.weight })),
    scores: scores.map((s) => ({ criterionId: s.criterionId, score: s.score })),
    note,
    editable: call.phase === 'review',
    progress,
  };
}

/** A juror saves their scores (0..10 per criterion, upserted) and private note; review phase only, never on a conflict. */
export async function saveReview(deps: Deps, actor: Actor | null, applicationId: string, input: TReviewBody): Promise<ReviewFormView> {
  const { call, application } = await loadCompetingApplication(deps, actor, applicationId);
  const { actor: juror, jurorId } = await requireJuror(deps, actor, call);
  assertPhase(call, 'review');
  const criteria = new Set((await repo.criteria(deps.db, call.id)).map((c) => c.id));
  const fields: Record<string, { key: string }> = {};
  input.scores.forEach((s, n) => {
    if (!criteria.has(s.criterionId)) fields[`scores.${n}.criterionId`] = { key: 'validation.choice' };
  });
  if (Object.keys(fields).length) throw validationError(fields);
  await deps.db.transaction(async (tx) => {
    if (!canScore(true, await repo.isConflicted(tx, jurorId, application.id))) throw new AppError('REVIEW_CONFLICT', { project: application.projectTitle });
    await repo.upsertScores(tx, call.id, application.id, jurorId, input.scores);
    if (input.note !== undefined) await repo.saveNote(tx, application.id, jurorId, input.note);
    await audit(tx, { actorId: juror.id, action: 'calls.review.save', subjectType: 'call_application', subjectId: application.id, data: { criteria: input.scores.length } });
  });
  return reviewForm(deps, actor, applicationId);
}

/**
 * The links a call's page shows for this actor (the calls module renders them): the jury for staff and
 * jurors, the ranking for staff, the vote while it is open, the results once published (or for staff).
 */
export async function callReviewsLinksFor(deps: Deps, actor: Actor | null, callId: string, t: (key: string) => string): Promise<{ href: string; label: string }[]> {
  const call = await repo.callById(deps.db, callId);
  if (!call) return [];
  const runs = canRunCall(actor, call);
  const juror = !runs && actor ? (await repo.jurorOf(deps.db, call.id, actor.id)) !== undefined : false;
  const base = `/appels/${call.slug}`;
  const links: { href: string; label: string }[] = [];
  if (runs || juror) links.push({ href: `${base}/jury`, label: t('callReviews.links.jury') });
  if (runs && call.phase !== 'draft') links.push({ href: `${base}/classement`, label: t('callReviews.links.ranking') });
  if (call.phase === 'vote' && call.votesPerMember !== null) links.push({ href: `${base}/vote`, label: t('callReviews.links.vote') });
  if (call.publishedResultsAt || (runs && call.phase === 'results')) links.push({ href: `${base}/resultats`, label: t('callReviews.links.results') });
  return links;
}

/** Lauréat badges: which of these projects won a call whose results are published (project cards). */
export async function laureateProjectIds(deps: Pick<Deps, 'db'>, projectIds: readonly string[]): Promise<Set<string>> {
  return repo.laureateProjectIds(deps.db, projectIds);
}

/** The published calls a project won, with the amount (its page's badges link to their results). */
export async function laureateCalls(deps: Pick<Deps, 'db'>, projectId: string): Promise<{ slug: string; title: string; amountCents: number }[]> {
  return (await repo.laureateCalls(deps.db, projectId)).map((c) => ({ slug: c.slug, title: c.title, amountCents: c.amountCents }));
}
