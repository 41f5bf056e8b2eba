import type { Deps } from '../../platform/deps.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { audit } from '../../platform/audit.js';
import { assertPhase } from '../calls/calls.phase.js';
import { recordCaisseFunding } from '../impact/impact.service.js';
import { notificationsRepository } from '../notifications/notifications.repository.js';
import { mailRepository } from '../../platform/mail/mail.repository.js';
import { formatters } from '../../platform/i18n/format.js';
import { callReviewsRepository as repo, type CallRow, type CompetingApplication } from './call-reviews.repository.js';
import { rankApplications, type Ranking } from './call-reviews.ranking.js';
import { canReadResults, canRunCall } from './call-reviews.policy.js';
import { loadCall, requireRunner } from './call-reviews.access.js';
import { presentCallRef, projectRef, type RankingView, type ResultsView } from './call-reviews.presenter.js';
import type { PublishedLine } from './call-reviews.domain.js';
import { resultsMail } from './call-reviews.mails.js';

type CallRef = { id: string } | { slug: string };

async function computeRanking(deps: Pick<Deps, 'db'>, call: CallRow): Promise<{ ranking: Ranking; applications: Map<string, CompetingApplication> }> {
  const [applications, criteria, jurors, conflicts, scores, votes] = await Promise.all([
    repo.competingApplications(deps.db, call.id), repo.criteria(deps.db, call.id), repo.jurors(deps.db, call.id), repo.conflicts(deps.db, call.id), repo.scores(deps.db, call.id),
    call.votesPerMember === null ? Promise.resolve(undefined) : repo.voteCounts(deps.db, call.id),
  ]);
  const ranking = rankApplications({
    criteria: criteria.map((c) => ({ id: c.id, weight: c.weight })),
    applicationIds: applications.map((a) => a.id),
    jurorIds: jurors.map((j) => j.id),
    conflicts,
    scores,
    votes,
    juryWeightPercent: call.juryWeightPercent,
  });
  return { ranking, applications: new Map(applications.map((a) => [a.id, a])) };
}

/** Staff's ranking: weighted jury score, spread between jurors, votes, combined score, missing reviews, notes and awards. */
export async function ranking(deps: Deps, actor: Actor | null, ref: CallRef): Promise<RankingView> {
  const call = await loadCall(deps, actor, ref);
  requireRunner(actor, call);
  const [{ ranking: r, applications }, jurors, awards, notes] = await Promise.all([computeRanking(deps, call), repo.jurors(deps.db, call.id), repo.awards(deps.db, call.id), repo.notes(deps.db, call.id)]);
  const jurorById = new Map(jurors.map((j) => [j.id, j]));
  const awardOf = new Map(awards.map((a) => [a.applicationId, a.amountCents]));
  const awarded = awards.reduce((s, a) => s + a.amountCents, 0);
  const published = call.publishedResultsAt !== null;
  const nameOf = (jurorId: string) => jurorById.get(jurorId)?.displayName ?? null;
  return {
    call: presentCallRef(call),
    juryWeightPercent: call.juryWeightPercent,
    lines: r.lines.map((l) => ({
      ...l,
      project: projectRef(applications.get(l.applicationId)!),
      requestedCents: applications.get(l.applicationId)!.requestedCents,
      awardCents: awardOf.get(l.applicationId) ?? null,
      notes: notes.filter((n) => n.applicationId === l.applicationId).map((n) => ({ juror: nameOf(n.jurorId) ?? '—', note: n.note })),
    })),
    missing: r.missing.map((m) => {
      const j = jurorById.get(m.jurorId);
      return { juror: { handle: j?.userId ? j.handle : null, displayName: j?.userId ? j.displayName : null }, applicationId: m.applicationId, project: projectRef(applications.get(m.applicationId)!) };
    }),
    budget: { envelopeCents: call.budgetCents, maxPerProjectCents: call.maxPerProjectCents, awardedCents: awarded, remainingCents: call.budgetCents - awarded },
    can: { award: call.phase === 'results' && !published, publish: call.phase === 'results' && !published && awards.length > 0 },
  };
}

/** Inside an awards transaction: the call's row locked and read again, in its results phase, not yet published. */
async function lockForAwards(tx: Db, callId: string) {
  await repo.lockCall(tx, callId);
  const fresh = (await repo.callById(tx, callId))!;
  assertPhase(fresh, 'results');
  if (fresh.publishedResultsAt) throw new AppError('RESULTS_ALREADY_PUBLISHED');
  return fresh;
}

/**
 * Staff set (or change) a winner's amount. In one transaction with the call's row locked: never over
 * the maximum per project, never over what remains of the envelope, so parallel awards cannot exceed it.
 */
export async function setAward(deps: Deps, actor: Actor | null, ref: CallRef, applicationId: string, amountCents: number): Promise<RankingView> {
  const call = await loadCall(deps, actor, ref);
  const staff = requireRunner(actor, call);
  await deps.db.transaction(async (tx) => {
    const fresh = await lockForAwards(tx, call.id);
    const application = await repo.application(tx, applicationId);
    if (!application || application.callId !== call.id || application.status !== 'submitted') throw new AppError('AWARD_NOT_ELIGIBLE');
    if (amountCents > fresh.maxPerProjectCents) throw new AppError('AWARD_OVER_MAX', { max: fresh.maxPerProjectCents });
    const others = await repo.awardedExcept(tx, call.id, applicationId);
    if (others + amountCents > fresh.budgetCents) throw new AppError('AWARD_OVER_BUDGET', { remaining: fresh.budgetCents - others });
    await repo.upsertAward(tx, { callId: call.id, applicationId, amountCents, decidedBy: staff.id });
    await audit(tx, { actorId: staff.id, action: 'calls.award.set', subjectType: 'call_application', subjectId: applicationId, data: { amountCents } });
  });
  return ranking(deps, actor, { id: call.id });
}

export async function removeAward(deps: Deps, actor: Actor | null, ref: CallRef, applicationId: string): Promise<RankingView> {
  const call = await loadCall(deps, actor, ref);
  const staff = requireRunner(actor, call);
  await deps.db.transaction(async (tx) => {
    await lockForAwards(tx, call.id);
    if (!(await repo.deleteAward(tx, call.id, applicationId))) throw new AppError('AWARD_NOT_FOUND');
    await audit(tx, { actorId: staff.id, action: 'calls.award.remove', subjectType: 'call_application', subjectId: applicationId });
  });
  return ranking(deps, actor, { id: call.id });
}

/**
 * Publishes the results, once: the ranking is frozen, winners become `selected` and the others
 * `not_selected`, each award is recorded in the impact ledger as the caisse's funding of the project,
 * and every applicant is told in the app and by e-mail in their language. One transaction.
 */
export async function publishResults(deps: Deps, actor: Actor | null, ref: CallRef): Promise<ResultsView> {
  const call = await loadCall(deps, actor, ref);
  const staff = requireRunner(actor, call);
  const { ranking: r, applications } = await computeRanking(deps, call);
  await deps.db.transaction(async (tx) => {
    await repo.lockCall(tx, call.id);
    const fresh = (await repo.callById(tx, call.id))!;
    assertPhase(fresh, 'results');
    if (fresh.publishedResultsAt) throw new AppError('RESULTS_ALREADY_PUBLISHED');
    const awards = await repo.awards(tx, call.id);
    if (!awards.length) throw new AppError('RESULTS_NO_WINNER');
    const amountOf = new Map(awards.map((a) => [a.applicationId, a.amountCents]));
    const lines: PublishedLine[] = r.lines.map((l) => ({
      applicationId: l.applicationId, projectId: applications.get(l.applicationId)!.projectId, rank: l.rank,
      juryScore: l.juryScore, votes: l.votes, voteShare: l.voteShare, combinedScore: l.combinedScore, amountCents: amountOf.get(l.applicationId) ?? null,
    }));
    if (!(await repo.insertPublication(tx, { callId: call.id, publishedBy: staff.id, lines }))) throw new AppError('RESULTS_ALREADY_PUBLISHED');
    await repo.setResultStatuses(tx, call.id, [...amountOf.keys()]);
    const now = new Date();
    for (const a of awards) {
      const project = await repo.project(tx, applications.get(a.applicationId)!.projectId);
      if (project) await recordCaisseFunding(tx, deps, { caisseId: call.caisseId, project: { id: project.id, territoryId: project.territoryId }, amountCents: a.amountCents, occurredAt: now });
    }
    const url = `/appels/${call.slug}/resultats`;
    for (const person of await repo.applicants(tx, call.id)) {
      const amount = amountOf.get(person.applicationId);
      const kind = amount === undefined ? 'call_results.not_selected' : 'call_results.selected';
      await notificationsRepository.insert(tx, { userId: person.userId, kind, data: { projectId: person.projectId, projectTitle: person.projectTitle, subjectTitle: call.title }, url, subjectType: 'call', subjectId: call.id });
      await mailRepository.enqueue(tx, resultsMail({
        to: person.email, locale: person.locale, name: person.displayName, callTitle: call.title, projectTitle: person.projectTitle,
        amount: amount === undefined ? null : formatters(person.locale).money(amount), url: `${deps.config.publicUrl}${url}`,
      }));
    }
    await audit(tx, { actorId: staff.id, action: 'calls.results.publish', subjectType: 'call', subjectId: call.id, data: { winners: awards.length } });
  });
  return results(deps, actor, { id: call.id });
}

/** Results: public once published (frozen lines); before that, staff preview the current ranking with their awards. */
export async function results(deps: Deps, actor: Actor | null, ref: CallRef): Promise<ResultsView> {
  const call = await loadCall(deps, actor, ref);
  if (!canReadResults(actor, { caisseId: call.caisseId, membersOnly: call.membersOnly, resultsPublished: call.publishedResultsAt !== null })) throw new AppError('RESULTS_NOT_PUBLISHED');
  const [publication, { ranking: r, applications }, awards] = await Promise.all([repo.publication(deps.db, call.id), computeRanking(deps, call), repo.awards(deps.db, call.id)]);
  const amountOf = new Map(awards.map((a) => [a.applicationId, a.amountCents]));
  const lines: PublishedLine[] = publication?.lines ?? r.lines.map((l) => ({ ...l, projectId: applications.get(l.applicationId)!.projectId, amountCents: amountOf.get(l.applicationId) ?? null }));
  const awarded = lines.reduce((s, l) => s + (l.amountCents ?? 0), 0);
  return {
    call: presentCallRef(call),
    publishedAt: publication?.publishedAt.toISOString() ?? null,
    juryWeightPercent: call.juryWeightPercent,
    budgetCents: call.budgetCents,
    awardedCents: awarded,
    lines: lines.map((l) => {
      const a = applications.get(l.applicationId);
      return {
        rank: l.rank, project: a ? projectRef(a) : { id: l.projectId, title: '—', url: `/projets/${l.projectId}`, language: 'fr' as const },
        winner: l.amountCents !== null, amountCents: l.amountCents, juryScore: l.juryScore, votes: l.votes, voteShare: l.voteShare, combinedScore: l.combinedScore,
      };
    }),
  };
}

/** Whether the caller runs this call (pages link the ranking and the jury). */
export async function runsCall(deps: Deps, actor: Actor | null, ref: CallRef): Promise<boolean> {
  return canRunCall(actor, await loadCall(deps, actor, ref));
}
