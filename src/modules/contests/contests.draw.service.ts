import { newId } from '../../db/ids.js';
import type { Db } from '../../db/client.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { audit } from '../../platform/audit.js';
import { formatters } from '../../platform/i18n/format.js';
import { mailRepository } from '../../platform/mail/mail.repository.js';
import { usersRepository } from '../auth/users.repository.js';
import { notificationsRepository } from '../notifications/notifications.repository.js';
import { canonicalEntryList, drawRound, sha256Hex, DRAW_ALGORITHM, type WinnerLine } from './contests.draw.js';
import { openSeed } from './contests.seal.js';
import { computeEntries, ineligibility } from './contests.entries.js';
import { CLAIM_ATTEMPTS } from './contests.domain.js';
import { contestsRepository, type ContestRow, type PrizeRow } from './contests.repository.js';
import { canManageContest, claimOpen } from './contests.policy.js';
import { presentRounds, type PublicDrawView } from './contests.presenter.js';
import { prizeOfSlot, storePseudonym, visibleContest } from './contests.service.js';
import { winMail } from './contests.mails.js';

const DAY_MS = 86_400_000;
const slotsOf = (prizes: PrizeRow[]) => prizes.flatMap((p) => Array.from({ length: p.quantity }, () => p));

/**
 * Freezes the entry list of an ended contest (inside the caller's transaction, contest row locked):
 * eligible people with at least one entry get their pseudonym and count; the canonical file and its
 * sha256 are stored. Does nothing when already frozen.
 */
async function freezeLocked(tx: Db, secret: string, contest: ContestRow, now: Date): Promise<void> {
  if (contest.frozenAt) return;
  const rows = await contestsRepository.actions(tx, { startsAt: contest.startsAt, endsAt: contest.endsAt });
  const computed = computeEntries(rows, contest.entryRules, contest.capPerPerson, contest);
  const facts = await contestsRepository.people(tx, [...computed.keys()], contest.caisseId);
  const eligible = facts.filter((f) => ineligibility(f, contest).length === 0).sort((a, b) => (a.userId < b.userId ? -1 : 1));
  const lines: { pseudonym: string; entries: number }[] = [];
  for (const person of eligible) {
    const entries = computed.get(person.userId)!.entries;
    if (entries > 0) lines.push({ pseudonym: await storePseudonym(tx, secret, contest.id, person.userId), entries });
  }
  const file = canonicalEntryList(contest.slug, lines);
  await contestsRepository.freeze(tx, contest.id, { lines, file, sha256: sha256Hex(file), now });
}

/** Freezes one contest if its period has ended (the job, and the draw itself). */
async function freezeIfEnded(deps: Pick<Deps, 'db' | 'config'>, contestId: string, now = new Date()): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const contest = await contestsRepository.find(tx, contestId, { lock: true });
    if (contest && contest.status === 'published' && contest.endsAt.getTime() <= now.getTime()) await freezeLocked(tx, deps.config.sessionSecret, contest, now);
  });
}

/** Tells each new winner in the app and by e-mail, in their language, inside the draw's transaction. */
async function notifyWinners(deps: Deps, tx: Db, contest: ContestRow, prizes: PrizeRow[], winners: WinnerLine[], deadline: Date): Promise<void> {
  for (const w of winners) {
    if (!w.pseudonym) continue;
    const userId = await contestsRepository.userOfPseudonym(tx, contest.id, w.pseudonym);
    const person = userId ? await usersRepository.findById(tx, userId) : undefined;
    if (!person || person.deletedAt) continue;
    const title = person.locale === 'en' ? contest.titleEn : contest.titleFr;
    const url = `/concours/${contest.slug}/reclamer`;
    await notificationsRepository.insert(tx, { userId: person.id, kind: 'contest.won', data: { subjectTitle: title }, url, subjectType: 'contest', subjectId: contest.id });
    await mailRepository.enqueue(tx, winMail({ to: person.email, locale: person.locale, name: person.displayName, contest: title, prize: prizeOfSlot(prizes, person.locale)(w.slot), deadline: formatters(person.locale).date(deadline), url: `${deps.config.publicUrl}${url}` }));
  }
}

const winnerRows = (contest: ContestRow, prizes: PrizeRow[], round: number, winners: WinnerLine[], deadline: Date) => {
  const slots = slotsOf(prizes);
  return winners.map((w) => ({ id: newId(), contestId: contest.id, round, slot: w.slot, prizeId: slots[w.slot]!.id, pseudonym: w.pseudonym, counter: w.counter, status: w.pseudonym ? ('notified' as const) : ('expired' as const), claimDeadline: w.pseudonym ? deadline : null }));
};

/**
 * The draw (staff of the organising caisse, after the period ends, once): freeze the list, reveal
 * the seed, draw a winner per prize slot, notify them. The contest row is locked for the whole
 * transaction, so a parallel draw waits and then finds it drawn.
 */
export async function drawContest(deps: Deps, actor: Actor | null, idOrSlug: string, now = new Date()): Promise<void> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const visible = await visibleContest(deps, actor, idOrSlug);
  if (!canManageContest(actor, visible.caisseId)) throw new AppError('FORBIDDEN');
  await deps.db.transaction(async (tx) => {
    const contest = (await contestsRepository.find(tx, visible.id, { lock: true }))!;
    if (contest.drawnAt) throw new AppError('CONTEST_ALREADY_DRAWN');
    if (contest.status !== 'published' || now.getTime() < contest.endsAt.getTime()) throw new AppError('CONTEST_NOT_ENDED', { endsAt: contest.endsAt.toISOString() });
    await freezeLocked(tx, deps.config.sessionSecret, contest, now);
    const [entries, prizes] = await Promise.all([contestsRepository.listedEntries(tx, contest.id), contestsRepository.prizes(tx, contest.id)]);
    const seed = openSeed(contest.seedSealed!, deps.config.sessionSecret);
    const slots = slotsOf(prizes).map((_, i) => i);
    const result = drawRound({ seedHex: seed, entries, slots, startCounter: 0 });
    const deadline = new Date(now.getTime() + contest.claimDays * DAY_MS);
    await contestsRepository.insertWinners(tx, winnerRows(contest, prizes, 0, result.winners, deadline));
    const rounds = [{ round: 0, slots, startCounter: 0, nextCounter: result.nextCounter, at: now.toISOString() }];
    if (!(await contestsRepository.markDrawn(tx, contest.id, { seed, drawnBy: actor.id, rounds, nextCounter: result.nextCounter, now }))) throw new AppError('CONTEST_ALREADY_DRAWN');
    await notifyWinners(deps, tx, contest, prizes, result.winners, deadline);
    await audit(tx, { actorId: actor.id, action: 'contests.draw', subjectType: 'contest', subjectId: contest.id, data: { winners: result.winners.length } });
  });
}

/** Redraws the lost prizes of one contest (unclaimed in time, or too many wrong answers), continuing the stream. */
async function redrawLost(deps: Deps, contestId: string, now = new Date()): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const contest = await contestsRepository.find(tx, contestId, { lock: true });
    if (!contest?.drawnAt || !contest.seedRevealed) return 0;
    const winners = await contestsRepository.winners(tx, contest.id);
    const latest = new Map<number, (typeof winners)[number]>();
    for (const w of winners) if ((latest.get(w.slot)?.round ?? -1) < w.round) latest.set(w.slot, w);
    const lost = [...latest.values()].filter((w) => w.pseudonym && (w.status === 'expired' || w.status === 'forfeited')).map((w) => w.slot).sort((a, b) => a - b);
    if (!lost.length) return 0;
    const [entries, prizes] = await Promise.all([contestsRepository.listedEntries(tx, contest.id), contestsRepository.prizes(tx, contest.id)]);
    const excluded = winners.flatMap((w) => (w.pseudonym ? [w.pseudonym] : []));
    const result = drawRound({ seedHex: contest.seedRevealed, entries, slots: lost, excluded, startCounter: contest.nextCounter });
    const round = Math.max(...winners.map((w) => w.round)) + 1;
    const deadline = new Date(now.getTime() + contest.claimDays * DAY_MS);
    await contestsRepository.insertWinners(tx, winnerRows(contest, prizes, round, result.winners, deadline));
    const rounds = [...contest.rounds, { round, slots: lost, startCounter: contest.nextCounter, nextCounter: result.nextCounter, at: now.toISOString() }];
    await contestsRepository.recordRedraw(tx, contest.id, { rounds, nextCounter: result.nextCounter, now });
    await notifyWinners(deps, tx, contest, prizes, result.winners, deadline);
    await audit(tx, { actorId: null, action: 'contests.redraw', subjectType: 'contest', subjectId: contest.id, data: { round, slots: lost } });
    return result.winners.length;
  });
}

/** The `contests.tick` job: freeze ended contests, expire unclaimed prizes, redraw lost ones. */
export async function contestsTick(deps: Deps, now = new Date()): Promise<void> {
  for (const id of await contestsRepository.endedUnfrozen(deps.db, now)) await freezeIfEnded(deps, id, now);
  await contestsRepository.expireOverdue(deps.db, now);
  for (const id of await contestsRepository.contestsToRedraw(deps.db)) await redrawLost(deps, id, now);
}

/** Everything anyone needs to recompute the draw (public once the contest is published). */
export async function publicDraw(deps: Deps, actor: Actor | null, idOrSlug: string, locale: Locale): Promise<PublicDrawView> {
  const contest = await visibleContest(deps, actor, idOrSlug);
  const [prizes, winners, entries] = await Promise.all([contestsRepository.prizes(deps.db, contest.id), contestsRepository.winners(deps.db, contest.id), contest.frozenAt ? contestsRepository.listedEntries(deps.db, contest.id) : Promise.resolve([])]);
  const prizeName = prizeOfSlot(prizes, locale);
  return {
    algorithm: DRAW_ALGORITHM,
    contest: contest.slug,
    title: locale === 'en' ? contest.titleEn : contest.titleFr,
    commitment: contest.commitment,
    seed: contest.seedRevealed,
    frozenAt: contest.frozenAt ? contest.frozenAt.toISOString() : null,
    drawnAt: contest.drawnAt ? contest.drawnAt.toISOString() : null,
    entryList: contest.frozenAt ? { sha256: contest.entryListSha256!, totalEntries: entries.reduce((s, e) => s + e.entries, 0), entries } : null,
    slots: slotsOf(prizes).map((_, slot) => ({ slot, prize: prizeName(slot) })),
    rounds: presentRounds(contest, winners, prizeName),
  };
}

/** The canonical entry list file, byte for byte what its published sha256 covers. */
export async function entryListFile(deps: Deps, actor: Actor | null, idOrSlug: string): Promise<{ slug: string; file: string } | null> {
  const contest = await visibleContest(deps, actor, idOrSlug);
  return contest.entryListFile ? { slug: contest.slug, file: contest.entryListFile } : null;
}

/**
 * A winner claims their prize by answering the skill-testing question (and attesting age and that
 * they are not excluded). The win row is locked: two parallel claims make one. Wrong answers are
 * counted; after CLAIM_ATTEMPTS the prize is lost and goes to the redraw.
 */
export async function claimPrize(deps: Deps, actor: Actor | null, idOrSlug: string, input: { answer: number; attest: boolean }, locale: Locale, now = new Date()): Promise<{ status: 'claimed'; prize: string; claimedAt: string }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const contest = await visibleContest(deps, actor, idOrSlug);
  const outcome = await deps.db.transaction(async (tx) => {
    const win = await contestsRepository.winOf(tx, contest.id, actor.id, { lock: true });
    if (!win) throw new AppError('CONTEST_NOT_A_WINNER');
    if (win.status === 'claimed') throw new AppError('CONTEST_ALREADY_CLAIMED');
    if (!claimOpen(win, now)) throw new AppError('CONTEST_CLAIM_CLOSED');
    if (!input.attest) throw validationError({ attest: { key: 'contests.claim.attestRequired' } });
    if (input.answer !== contest.skillAnswer) {
      const attempts = win.attempts + 1;
      await contestsRepository.setWinStatus(tx, win.id, 'notified', { attempts, ...(attempts >= CLAIM_ATTEMPTS ? { status: 'forfeited' as const } : {}) });
      await audit(tx, { actorId: actor.id, action: 'contests.claim.wrong', subjectType: 'contest', subjectId: contest.id, data: { attempts } });
      return { wrong: true as const, attemptsLeft: Math.max(0, CLAIM_ATTEMPTS - attempts), slot: win.slot };
    }
    if (!(await contestsRepository.setWinStatus(tx, win.id, 'notified', { status: 'claimed', claimedAt: now }))) throw new AppError('CONTEST_ALREADY_CLAIMED');
    await audit(tx, { actorId: actor.id, action: 'contests.claim', subjectType: 'contest', subjectId: contest.id, data: { slot: win.slot } });
    return { wrong: false as const, slot: win.slot };
  });
  if (outcome.wrong) throw new AppError('CONTEST_WRONG_ANSWER', { attemptsLeft: outcome.attemptsLeft });
  const prizes = await contestsRepository.prizes(deps.db, contest.id);
  return { status: 'claimed', prize: prizeOfSlot(prizes, locale)(outcome.slot), claimedAt: now.toISOString() };
}
