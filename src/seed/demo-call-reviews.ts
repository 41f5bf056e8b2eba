import { inArray } from 'drizzle-orm';
import type { Deps } from '../platform/deps.js';
import { users } from '../modules/auth/auth.tables.js';
import { rolesRepository } from '../modules/admin/roles.repository.js';
import { delegatesRepository } from '../modules/delegates/delegates.repository.js';
import { montrealDay } from '../modules/delegates/delegates.dates.js';
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

/**
 * The demo jury of a call: a staff member of its caisse and two of its delegates. The demo's
 * Économie solidaire has neither, so Audrey (staff at the Plateau) also works there and Samir and
 * Louis become its delegates for the 2026–2027 term; other caisses use the people they have.
 */
const DEMO_JURY = { staff: 'audrey-st-onge', delegates: ['samir-haddad', 'louis-gagnon'], termEnd: '2027-09-28' };
/** Louis runs the repair workshop the cargo-bike project leans on: he declares it. */
const DEMO_CONFLICTS: Record<string, { project: string; reason: string }> = {
  'louis-gagnon': { project: 'Vélo-cargo', reason: 'J’anime l’atelier de réparation partenaire de ce projet. / I run the repair workshop this project relies on.' },
};

async function seatJury(deps: Deps, call: CallRow): Promise<{ staffId: string | null; seats: { id: string; userId: string; handle: string }[] }> {
  const people = new Map((await deps.db.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.handle, [DEMO_JURY.staff, ...DEMO_JURY.delegates]))).map((u) => [u.handle, u.id]));
  let candidates = await repo.candidates(deps.db, call.caisseId);
  if (!candidates.some((c) => c.role !== 'delegate') && people.get(DEMO_JURY.staff)) {
    await rolesRepository.grant(deps.db, { userId: people.get(DEMO_JURY.staff)!, role: 'staff', caisseId: call.caisseId, grantedBy: null });
  }
  if (candidates.filter((c) => c.role === 'delegate').length < 2) {
    for (const handle of DEMO_JURY.delegates) {
      const userId = people.get(handle);
      if (userId) await delegatesRepository.grantDelegate(deps.db, { userId, caisseId: call.caisseId, expiresAt: montrealDay(DEMO_JURY.termEnd, 'end'), grantedBy: people.get(DEMO_JURY.staff) ?? userId });
    }
  }
  candidates = await repo.candidates(deps.db, call.caisseId);
  const staff = candidates.find((c) => c.role !== 'delegate');
  const chosen = [...(staff ? [staff] : []), ...candidates.filter((c) => c.role === 'delegate').slice(0, 2)];
  for (const person of chosen) await repo.insertJuror(deps.db, { callId: call.id, userId: person.id, addedBy: staff?.id ?? person.id });
  const handles = new Map(chosen.map((c) => [c.id, c.handle]));
  const seats = (await repo.jurors(deps.db, call.id)).filter((j) => j.userId !== null).map((j) => ({ id: j.id, userId: j.userId!, handle: handles.get(j.userId!) ?? '' }));
  return { staffId: staff?.id ?? null, seats };
}

/** The declared conflicts of the demo jurors (before any score, as the rules want). */
async function declareConflicts(deps: Deps, call: CallRow, seats: { id: string; handle: string }[]): Promise<Set<string>> {
  const applications = await repo.competingApplications(deps.db, call.id);
  const conflicted = new Set<string>();
  for (const seat of seats) {
    const conflict = DEMO_CONFLICTS[seat.handle];
    const application = conflict ? applications.find((a) => a.projectTitle.includes(conflict.project)) : undefined;
    if (!conflict || !application) continue;
    await repo.replaceConflicts(deps.db, call.id, seat.id, [{ applicationId: application.id, reason: conflict.reason }]);
    conflicted.add(`${seat.id}:${application.id}`);
  }
  return conflicted;
}

/** Complete reviews by every juror except on their declared conflicts, with a few private notes. */
async function review(deps: Deps, call: CallRow, seats: { id: string; handle: string }[]): Promise<void> {
  const conflicted = await declareConflicts(deps, call, seats);
  const [applications, criteria] = await Promise.all([repo.competingApplications(deps.db, call.id), repo.criteria(deps.db, call.id)]);
  for (const [j, seat] of seats.entries()) {
    for (const [a, application] of applications.entries()) {
      if (conflicted.has(`${seat.id}:${application.id}`)) continue;
      await repo.upsertScores(deps.db, call.id, application.id, seat.id, criteria.map((c, k) => ({ criterionId: c.id, score: scoreFor(j, a, k) })));
      const note = NOTES[(j + a) % NOTES.length];
      if (note && (j + a) % 2 === 0) await repo.saveNote(deps.db, application.id, seat.id, note);
    }
  }
}

/**
 * The calls' jury, reviews and results (ADR 0021): on the open call, a jury with a declared conflict
 * (scores wait for the review phase, as the rules say: the call is still open); on a call under review, complete reviews; on
 * the past call, reviews, awards to the two best within the envelope, and published results, so the
 * results page and the lauréat badges show. A call that already has a jury is left as it is.
 */
export async function seedDemoCallReviews(deps: Deps, slugs: { open: string; past: string } = { open: 'verdir-nos-ruelles', past: 'fonds-quartiers-2026' }): Promise<void> {
  for (const slug of [slugs.open, slugs.past]) {
    const call = await repo.callBySlug(deps.db, slug);
    if (!call || (await repo.jurors(deps.db, call.id)).length > 0) continue;
    const { staffId, seats } = await seatJury(deps, call);
    if (call.phase === 'draft' || call.phase === 'open') {
      await declareConflicts(deps, call, seats);
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
