import { randomBytes } from 'node:crypto';
import { newId } from '../../db/ids.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { audit } from '../../platform/audit.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { isPlatformAdmin, staffCaisseIds } from '../access/access.scope.js';
import { slugify } from '../auth/handles.js';
import { caissesRepository, type CaisseRow } from '../caisses/caisses.repository.js';
import { territoriesRepository } from '../territories/territories.repository.js';
import { callsRepository, type CallRow } from './calls.repository.js';
import { applicationsRepository } from './calls.applications.repository.js';
import { announceCallOpened } from './calls.opened.js';
import { canManageCall, canViewCall, editableFully } from './calls.policy.js';
import { canTransition, nextPhase } from './calls.phase.js';
import { checkCallShape, checkPublishable, checkPublishedEdit } from './calls.rules.js';
import { presentCall, presentCallSummary, type CallSummaryView, type CallView } from './calls.presenter.js';
import type { CallPhase } from './calls.domain.js';
import type { TCallListQuery, TCreateCallBody, TQuestionInput, TCriterionInput, TUpdateCallBody } from './calls.schemas.js';

/** A caisse a person may create calls for, with the territories it serves. */
export type ManagedCaisse = { id: string; slug: string; name: string; territories: { id: string; slug: string; name: string }[] };

/** The call by id or slug (API ids, page slugs); CALL_NOT_FOUND otherwise. */
export async function findCall(deps: Pick<Deps, 'db'>, idOrSlug: string): Promise<CallRow> {
  const row = (await callsRepository.findById(deps.db, idOrSlug)) ?? (await callsRepository.findBySlug(deps.db, idOrSlug));
  if (!row) throw new AppError('CALL_NOT_FOUND', { id: idOrSlug });
  return row;
}

/** The call, if this actor may see it (an unpublished draft is its managers' only: others get CALL_NOT_FOUND). */
export async function visibleCall(deps: Pick<Deps, 'db'>, actor: Actor | null, idOrSlug: string): Promise<CallRow> {
  const row = await findCall(deps, idOrSlug);
  if (!canViewCall(actor, row)) throw new AppError('CALL_NOT_FOUND', { id: idOrSlug });
  return row;
}

async function caisseOf(deps: Pick<Deps, 'db'>, caisseId: string): Promise<CaisseRow> {
  const caisse = await caissesRepository.findById(deps.db, caisseId);
  if (!caisse) throw new AppError('CAISSE_NOT_FOUND');
  return caisse;
}

/** Everything the detail page and the API show of a call. */
export async function callView(deps: Pick<Deps, 'db'>, row: CallRow, locale: Locale): Promise<CallView> {
  const [caisse, territories, questions, criteria] = await Promise.all([caisseOf(deps, row.caisseId), callsRepository.territoriesOf(deps.db, [row.id]), callsRepository.questions(deps.db, row.id), callsRepository.criteria(deps.db, row.id)]);
  return presentCall(row, caisse, territories, questions, criteria, locale);
}

export async function getCall(deps: Pick<Deps, 'db'>, actor: Actor | null, idOrSlug: string, locale: Locale): Promise<CallView> {
  return callView(deps, await visibleCall(deps, actor, idOrSlug), locale);
}

/** Public calls (open, upcoming or past), optionally in one territory; staff also see their caisses' drafts. */
export async function listCalls(deps: Pick<Deps, 'db'>, actor: Actor | null, locale: Locale, query: TCallListQuery): Promise<{ items: CallSummaryView[]; nextCursor: string | null }> {
  const territory = query.territory ? await territoriesRepository.findBySlug(deps.db, query.territory) : undefined;
  if (query.territory && !territory) return { items: [], nextCursor: null };
  const caisse = query.caisse ? await caissesRepository.findBySlug(deps.db, query.caisse) : undefined;
  if (query.caisse && !caisse) return { items: [], nextCursor: null };
  const draftsOf = query.when ? [] : staffCaisseIds(actor);
  const rows = await callsRepository.list(deps.db, { when: query.when, territoryId: territory?.id, caisseId: caisse?.id }, query.limit, decodeCursor(query.cursor), draftsOf);
  const paged = page(rows, query.limit, (r) => ({ at: r.cursorAt, id: r.id }));
  const [caisses, territories] = await Promise.all([caissesRepository.list(deps.db), callsRepository.territoriesOf(deps.db, paged.items.map((r) => r.id))]);
  const byId = new Map(caisses.map((c) => [c.id, c]));
  return {
    items: paged.items.map((r) => presentCallSummary(r, byId.get(r.caisseId) ?? { slug: '', name: '' }, territories.filter((t) => t.callId === r.id), locale)),
    nextCursor: paged.nextCursor,
  };
}

/** The caisses this person may create calls for (their staff caisses; every caisse for a platform admin). */
export async function managedCaisses(deps: Pick<Deps, 'db'>, actor: Actor | null, locale: Locale): Promise<ManagedCaisse[]> {
  if (!actor) return [];
  const all = await caissesRepository.list(deps.db);
  const mine = isPlatformAdmin(actor) ? all : all.filter((c) => staffCaisseIds(actor).includes(c.id));
  const served = await caissesRepository.territoriesServed(deps.db, mine.map((c) => c.id));
  return mine.map((c) => ({
    id: c.id, slug: c.slug, name: c.name,
    territories: served.filter((t) => t.caisseId === c.id).map((t) => ({ id: t.id, slug: t.slug, name: locale === 'en' ? t.nameEn : t.nameFr })),
  }));
}

async function uniqueSlug(deps: Pick<Deps, 'db'>, title: string): Promise<string> {
  const root = slugify(title, 60);
  if (!(await callsRepository.slugExists(deps.db, root))) return root;
  return `${root}-${randomBytes(3).toString('hex')}`;
}

const questionRows = (qs: TQuestionInput[]) => qs.map((q) => ({ id: newId(), kind: q.kind, label: q.label, help: q.help, required: q.required, choices: q.kind === 'choice' ? q.choices : [], maxLength: q.kind === 'short_text' || q.kind === 'long_text' ? q.maxLength : null }));
const criterionRows = (cs: TCriterionInput[]) => cs.map((c) => ({ id: newId(), label: c.label, description: c.description, weight: c.weight }));

function territoryIdsFor(caisse: ManagedCaisse, slugs: readonly string[]): string[] {
  const ids: string[] = [];
  for (const slug of slugs) {
    const t = caisse.territories.find((x) => x.slug === slug);
    if (!t) throw validationError({ territories: { key: 'calls.validation.territoryNotServed' } });
    ids.push(t.id);
  }
  return ids;
}

/** Staff of a caisse create a draft call for territories their caisse serves. Returns its slug. */
export async function createCall(deps: Pick<Deps, 'db'>, actor: Actor | null, input: TCreateCallBody, locale: Locale): Promise<CallRow> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const caisses = await managedCaisses(deps, actor, locale);
  if (caisses.length === 0) throw new AppError('FORBIDDEN');
  const caisse = input.caisse ? caisses.find((c) => c.slug === input.caisse) : caisses.length === 1 ? caisses[0] : undefined;
  if (!caisse) {
    if (input.caisse && !(await caissesRepository.findBySlug(deps.db, input.caisse))) throw validationError({ caisse: { key: 'validation.choice' } });
    if (input.caisse) throw new AppError('FORBIDDEN');
    throw validationError({ caisse: { key: 'validation.required' } });
  }
  const vote = input.voteOpensAt !== null || input.voteClosesAt !== null;
  const shape = { ...input, juryWeightPercent: vote ? (input.juryWeightPercent ?? 50) : 100, votesPerMember: vote ? input.votesPerMember : null };
  const errors = checkCallShape(shape);
  if (Object.keys(errors).length) throw validationError(errors);
  const territoryIds = territoryIdsFor(caisse, input.territories);
  const slug = await uniqueSlug(deps, input.title);
  return deps.db.transaction(async (tx) => {
    const row = await callsRepository.insert(tx, {
      id: newId(), caisseId: caisse.id, slug, title: input.title, theme: input.theme, description: input.description, language: input.language,
      membersOnly: input.membersOnly, allowedOrganisationKinds: input.allowedOrganisationKinds, budgetCents: input.budgetCents, maxPerProjectCents: input.maxPerProjectCents,
      opensAt: input.opensAt, submissionsCloseAt: input.submissionsCloseAt, reviewEndsAt: input.reviewEndsAt, voteOpensAt: input.voteOpensAt, voteClosesAt: input.voteClosesAt, resultsAt: input.resultsAt,
      votesPerMember: shape.votesPerMember, juryWeightPercent: shape.juryWeightPercent, createdBy: actor.id,
    });
    await callsRepository.replaceTerritories(tx, row.id, territoryIds);
    await callsRepository.replaceQuestions(tx, row.id, questionRows(input.questions));
    await callsRepository.replaceCriteria(tx, row.id, criterionRows(input.criteria));
    await audit(tx, { actorId: actor.id, action: 'calls.create', subjectType: 'call', subjectId: row.id, data: { slug } });
    return row;
  });
}

/** The call for its managers; others get FORBIDDEN (or CALL_NOT_FOUND for a draft they may not see). */
export async function managedCall(deps: Pick<Deps, 'db'>, actor: Actor | null, idOrSlug: string): Promise<{ call: CallRow; actor: Actor }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const call = await visibleCall(deps, actor, idOrSlug);
  if (!canManageCall(actor, call)) throw new AppError('FORBIDDEN');
  return { call, actor };
}

/** Staff edit: anything in an unpublished draft; afterwards the description and dates moved later only. */
export async function updateCall(deps: Pick<Deps, 'db'>, actor: Actor | null, idOrSlug: string, patch: TUpdateCallBody, locale: Locale): Promise<CallRow> {
  const { call, actor: staff } = await managedCall(deps, actor, idOrSlug);
  if (call.phase === 'closed') throw new AppError('CALL_PHASE_CLOSED', { phase: call.phase, messageParams: { phase: call.phase } });
  const full = editableFully(call);
  if (!full) {
    const locked = checkPublishedEdit(call.phase, call, patch);
    if (Object.keys(locked).length) throw validationError(locked);
  }
  const next = { ...call, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as CallRow & TUpdateCallBody;
  const vote = next.voteOpensAt !== null || next.voteClosesAt !== null;
  const shape = { ...next, juryWeightPercent: vote ? (patch.juryWeightPercent ?? (call.voteOpensAt ? call.juryWeightPercent : 50)) : 100, votesPerMember: vote ? next.votesPerMember : null };
  const errors = checkCallShape(shape);
  if (Object.keys(errors).length) throw validationError(errors);
  const caisse = (await managedCaisses(deps, staff, locale)).find((c) => c.id === call.caisseId);
  const territoryIds = patch.territories && caisse ? territoryIdsFor(caisse, patch.territories) : undefined;
  return deps.db.transaction(async (tx) => {
    const row = await callsRepository.update(tx, call.id, {
      title: shape.title, theme: shape.theme, description: shape.description, language: shape.language, membersOnly: shape.membersOnly, allowedOrganisationKinds: shape.allowedOrganisationKinds,
      budgetCents: shape.budgetCents, maxPerProjectCents: shape.maxPerProjectCents, opensAt: shape.opensAt, submissionsCloseAt: shape.submissionsCloseAt, reviewEndsAt: shape.reviewEndsAt,
      voteOpensAt: shape.voteOpensAt, voteClosesAt: shape.voteClosesAt, resultsAt: shape.resultsAt, votesPerMember: shape.votesPerMember, juryWeightPercent: shape.juryWeightPercent,
    });
    if (territoryIds) await callsRepository.replaceTerritories(tx, call.id, territoryIds);
    if (patch.questions) await callsRepository.replaceQuestions(tx, call.id, questionRows(patch.questions));
    if (patch.criteria) await callsRepository.replaceCriteria(tx, call.id, criterionRows(patch.criteria));
    await audit(tx, { actorId: staff.id, action: 'calls.update', subjectType: 'call', subjectId: call.id, data: { fields: Object.keys(patch) } });
    return row!;
  });
}

/**
 * Staff move a call to its next phase only. Publishing a draft needs a criterion, a territory and a
 * deadline ahead; it opens at once when `opensAt` has come, else it is scheduled (still `draft`,
 * "upcoming") and the phases job opens it. Two staff racing: one conditional UPDATE wins, the other gets 409.
 */
export async function transitionCall(deps: Pick<Deps, 'db'>, actor: Actor | null, idOrSlug: string, to: CallPhase, now = new Date()): Promise<CallRow> {
  const { call, actor: staff } = await managedCall(deps, actor, idOrSlug);
  if (!canTransition(call, to) || (to === 'open' && call.publishedAt !== null && call.opensAt.getTime() > now.getTime())) {
    throw new AppError('CALL_TRANSITION_NOT_ALLOWED', { phase: call.phase, to, next: nextPhase(call), messageParams: { phase: call.phase } });
  }
  let moved: CallRow | undefined;
  if (to === 'open') {
    const [criteria, territories] = await Promise.all([callsRepository.criteria(deps.db, call.id), callsRepository.territoryIds(deps.db, call.id)]);
    const errors = { ...checkCallShape(call), ...checkPublishable(call, { criteria: criteria.length, territories: territories.length }, now) };
    if (Object.keys(errors).length) throw validationError(errors);
    moved = call.opensAt.getTime() <= now.getTime()
      ? await deps.db.transaction(async (tx) => {
        const opened = await callsRepository.transition(tx, call.id, 'draft', 'open', now, { publishedAt: call.publishedAt ?? now });
        if (opened) await announceCallOpened(tx, opened);
        return opened;
      })
      : await callsRepository.update(deps.db, call.id, { publishedAt: now });
  } else {
    moved = await callsRepository.transition(deps.db, call.id, call.phase, to, now);
  }
  if (!moved) throw new AppError('CALL_TRANSITION_NOT_ALLOWED', { phase: call.phase, to, messageParams: { phase: call.phase } });
  await audit(deps.db, { actorId: staff.id, action: 'calls.transition', subjectType: 'call', subjectId: call.id, data: { from: call.phase, to: moved.phase } });
  return moved;
}

/**
 * The phases job's tick: every transition whose date has come, one conditional UPDATE each (ADR 0020).
 * Openings move in one transaction with their announcement (feed, notifications), or not at all; a
 * concurrent tick finds them already open and announces nothing.
 */
export async function runPhaseTick(deps: Pick<Deps, 'db'>, now = new Date()): Promise<{ id: string; phase: CallPhase }[]> {
  const moved = await callsRepository.moveDue(deps.db, now);
  const opened = await deps.db.transaction(async (tx) => {
    const rows = await callsRepository.openDue(tx, now);
    for (const call of rows) await announceCallOpened(tx, call);
    return rows;
  });
  return [...moved, ...opened.map((c) => ({ id: c.id, phase: c.phase }))];
}

/** The caisse space card: the caisse's calls by state and their submitted applications. */
export async function caisseCallCounts(deps: Pick<Deps, 'db'>, caisseId: string): Promise<{ open: number; upcoming: number; drafts: number; past: number }> {
  const rows = await callsRepository.countByPhase(deps.db, caisseId);
  const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((n, r) => n + r.n, 0);
  return {
    open: sum((r) => r.phase === 'open'),
    upcoming: sum((r) => r.phase === 'draft' && r.scheduled),
    drafts: sum((r) => r.phase === 'draft' && !r.scheduled),
    past: sum((r) => r.phase !== 'draft' && r.phase !== 'open'),
  };
}

/** Application counts per status for these calls (staff views). */
export async function applicationCounts(deps: Pick<Deps, 'db'>, callIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const rows = await applicationsRepository.countByCallStatus(deps.db, callIds);
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) out.set(r.callId, { ...(out.get(r.callId) ?? {}), [r.status]: r.n });
  return out;
}

/** Territories some caisse serves (the list's filter), in the reader's language. */
export async function servedTerritoryOptions(deps: Pick<Deps, 'db'>, locale: Locale): Promise<{ slug: string; name: string }[]> {
  const served = await caissesRepository.territoriesServed(deps.db);
  const seen = new Map<string, string>();
  for (const t of served) if (!seen.has(t.slug)) seen.set(t.slug, locale === 'en' ? t.nameEn : t.nameFr);
  return [...seen].map(([slug, name]) => ({ slug, name }));
}
