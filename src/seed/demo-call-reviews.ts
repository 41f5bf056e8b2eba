import type { Deps } from '../platform/deps.js';
import type { Actor } from '../platform/http/context.js';
import { callReviewsRepository as repo, type CallRow } from '../modules/call-reviews/call-reviews.repository.js';
import { publishResults, ranking, setAward } from '../modules/call-reviews/call-reviews.results.service.js';

/** Jurors' private notes, bilingual like the demo (a juror writes in their own language). */
const NOTES = [
  'Projet bien ancré dans la ruelle : les voisins sont déjà mobilisés. Budget réaliste.',
  'Strong partnership with the local school; I would ask for a maintenance plan.',
  'Belle idée, mais le calendrier me semble serré pour l’été.',
];

/** Deterministic scores (0..10) per juror, application and criterion: varied, never random. */
const scoreFor = (juror: number, application: number, criterion: number) => Math.min(10, Math.max(2, 9 - application * 2 + ((juror + criterion) % 3) - (juror === 1 && application === 0 ? 2 : 0)));

const staffActor = (userId: string, caisseId: string): Actor => ({
  id: userId, handle: '', displayName: '', email: '', locale: 'fr', emailVerified: true, roles: [{ role: 'staff', caisseId }], via: 'session', sessionIdHash: null, reauthAt: null,
});

/** A staff member and up to two delegates of the call's caisse sit on its jury; returns their seats with the staff member's id. */
async function seatJury(deps: Deps, call: CallRow): Promise<{ staffId: string | null; seats: { id: string; userId: string }[] }> {
  const candidates = await repo.candidates(deps.db, call.caisseId);
  const staff = candidates.find((c) => c.role !== 'delegate');
  const chosen = [...(staff ? [staff] : []), ...candidates.filter((c) => c.role === 'delegate').slice(0, 2)];
  for (const person of chosen) await repo.insertJuror(deps.db, { callId: call.id, userId: person.id, addedBy: staff?.id ?? person.id });
  const seats = (await repo.jurors(deps.db, call.id)).filter((j) => j.userId !== null).map((j) => ({ id: j.id, userId: j.userId! }));
  return { staffId: staff?.id ?? null, seats };
}

/** Complete reviews by every juror but one conflict (the last juror with the first application), with a few private notes. */
async function review(deps: Deps, call: CallRow, seats: { id: string }[]): Promise<void> {
  const [applications, criteria] = await Promise.all([repo.competingApplications(deps.db, call.id), repo.criteria(deps.db, call.id)]);
  const conflicted = seats.length > 1 ? seats[seats.length - 1] : undefined;
  if (conflicted && applications[0]) await repo.replaceConflicts(deps.db, call.id, conflicted.id, [{ applicationId: applications[0].id, reason: 'Je fais partie du comité de ruelle qui porte ce projet. / I sit on this project’s alley committee.' }]);
  for (const [j, seat] of seats.entries()) {
    for (const [a, application] of applications.entries()) {
      if (seat === conflicted && a === 0) continue;
      await repo.upsertScores(deps.db, call.id, application.id, seat.id, criteria.map((c, k) => ({ criterionId: c.id, score: scoreFor(j, a, k) })));
      const note = NOTES[(j + a) % NOTES.length];
      if (note && (j + a) % 2 === 0) await repo.saveNote(deps.db, application.id, seat.id, note);
    }
  }
}

/**
 * The calls' jury, reviews and results (ADR 0021): on the open call, a jury with a declared conflict
 * (scores wait for the review phase, as the rules say); on a call under review, complete reviews; on
 * the past call, reviews, awards to the two best within the envelope, and published results, so the
 * results page and the lauréat badges show. A call that already has a jury is left as it is.
 */
export async function seedDemoCallReviews(deps: Deps, slugs: { open: string; past: string } = { open: 'verdir-nos-ruelles', past: 'fonds-quartiers-2026' }): Promise<void> {
  for (const slug of [slugs.open, slugs.past]) {
    const call = await repo.callBySlug(deps.db, slug);
    if (!call || (await repo.jurors(deps.db, call.id)).length > 0) continue;
    const { staffId, seats } = await seatJury(deps, call);
    if (call.phase === 'draft' || call.phase === 'open') {
      const [first] = await repo.competingApplications(deps.db, call.id);
      const last = seats[seats.length - 1];
      if (first && last) await repo.replaceConflicts(deps.db, call.id, last.id, [{ applicationId: first.id, reason: 'Voisin immédiat du projet. / Next-door neighbour of the project.' }]);
      continue;
    }
    await review(deps, call, seats);
    if (call.phase !== 'results' || !staffId || call.publishedResultsAt) continue;
    const staff = staffActor(staffId, call.caisseId);
    const current = await ranking(deps, staff, { id: call.id });
    let left = call.budgetCents;
    for (const line of current.lines.slice(0, 2)) {
      const amount = Math.min(line.requestedCents ?? call.maxPerProjectCents, call.maxPerProjectCents, left);
      if (amount <= 0) break;
      await setAward(deps, staff, { id: call.id }, line.applicationId, amount);
      left -= amount;
    }
    await publishResults(deps, staff, { id: call.id });
  }
}
