import { newId } from '../../db/ids.js';
import type { Db } from '../../db/client.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { audit } from '../../platform/audit.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { findCaisseBySlug } from '../caisses/caisses.service.js';
import { caissesRepository } from '../caisses/caisses.repository.js';
import { isPlatformAdmin, staffCaisseIds } from '../access/access.scope.js';
import { commitmentOf, newSeed } from './contests.draw.js';
import { sealSeed } from './contests.seal.js';
import { pseudonymOf } from './contests.pseudonym.js';
import { computeEntries, ineligibility } from './contests.entries.js';
import { CLAIM_ATTEMPTS, ENTRY_ACTIONS, type EntryRule } from './contests.domain.js';
import type { contestPrizes } from './contests.tables.js';
import { contestsRepository, type ContestRow, type PrizeRow } from './contests.repository.js';
import { canCreateContests, canDraw, canEditContest, canManageContest, canPublishContest, canSeeContest, phaseOf } from './contests.policy.js';
import { endOfMontrealDay, montrealDate, montrealInstant, montrealTime } from './contests.dates.js';
import { presentContest, presentSummary, type ContestSummaryView, type ContestView, type MyEntriesView } from './contests.presenter.js';
import type { TContestBody, TContestListQuery } from './contests.schemas.js';

const pickLocale = (locale: Locale, fr: string, en: string) => (locale === 'en' ? en : fr);

/** The published contest (or a draft its organisers may see); NOT_FOUND otherwise. */
export async function visibleContest(deps: Pick<Deps, 'db'>, actor: Actor | null, idOrSlug: string): Promise<ContestRow> {
  const contest = await contestsRepository.find(deps.db, idOrSlug);
  if (!contest || !canSeeContest(actor, contest)) throw new AppError('CONTEST_NOT_FOUND');
  return contest;
}

export async function listContests(deps: Deps, actor: Actor | null, query: TContestListQuery, locale: Locale, now = new Date()): Promise<{ items: ContestSummaryView[]; nextCursor: string | null }> {
  const when = query.when ?? 'current';
  const draftCaisseIds = isPlatformAdmin(actor) ? null : staffCaisseIds(actor);
  const rows = await contestsRepository.list(deps.db, { when, now, limit: query.limit, cursor: decodeCursor(query.cursor), draftCaisseIds });
  const result = page(rows, query.limit, (r) => ({ at: when === 'upcoming' ? r.startsAt : r.endsAt, id: r.id }));
  return { items: result.items.map((r) => presentSummary(r, locale, phaseOf(r, now))), nextCursor: result.nextCursor };
}

async function contestView(deps: Deps, actor: Actor | null, contest: ContestRow, locale: Locale, now = new Date()): Promise<ContestView> {
  const [caisse, prizes, territories] = await Promise.all([contestsRepository.caisseOf(deps.db, contest.caisseId), contestsRepository.prizes(deps.db, contest.id), contestsRepository.territoryNames(deps.db, contest.territoryIds)]);
  const can = { edit: canEditContest(actor, contest), publish: canPublishContest(actor, contest, now), draw: canDraw(actor, contest, now) };
  return presentContest(contest, { caisse: caisse!, prizes, territories, locale, phase: phaseOf(contest, now), can });
}

export async function getContest(deps: Deps, actor: Actor | null, idOrSlug: string, locale: Locale, now = new Date()): Promise<ContestView> {
  return contestView(deps, actor, await visibleContest(deps, actor, idOrSlug), locale, now);
}

/** The caisses this actor may organise contests for, with the territories each serves (the form's choices). */
export async function organisableCaisses(deps: Deps, actor: Actor | null): Promise<{ slug: string; name: string; territories: { slug: string; nameFr: string; nameEn: string }[] }[]> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!canCreateContests(actor)) throw new AppError('FORBIDDEN');
  const all = await caissesRepository.list(deps.db);
  const mine = all.filter((c) => canManageContest(actor, c.id));
  const served = await caissesRepository.territoriesServed(deps.db, mine.map((c) => c.id));
  return mine.map((c) => ({ slug: c.slug, name: c.name, territories: served.filter((t) => t.caisseId === c.id) }));
}

function slugify(title: string): string {
  const base = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return base || 'concours';
}

/** The input checked against the caisse (territories it serves) and itself (dates); the row's fields. */
async function contestFields(deps: Deps, actor: Actor, input: TContestBody) {
  const caisse = await findCaisseBySlug(deps, input.caisse);
  if (!canManageContest(actor, caisse.id)) throw new AppError('FORBIDDEN');
  const served = await caissesRepository.territoriesServed(deps.db, [caisse.id]);
  const territoryIds = input.territories.map((slug) => served.find((t) => t.slug === slug)?.id);
  if (territoryIds.some((id) => id === undefined)) throw validationError({ territories: { key: 'contests.validation.territories' } });
  if (input.endsOn < input.startsOn) throw validationError({ endsOn: { key: 'contests.validation.endsOn' } });
  if (input.drawDate < input.endsOn) throw validationError({ drawDate: { key: 'contests.validation.drawDate' } });
  const entryRules: EntryRule[] = ENTRY_ACTIONS.filter((a) => (input.entryRules[a] ?? 0) > 0).map((a) => ({ action: a, entries: input.entryRules[a]! }));
  if (!entryRules.length) throw validationError({ entryRules: { key: 'contests.validation.entryRules' } });
  const fields = {
    caisseId: caisse.id, titleFr: input.titleFr, titleEn: input.titleEn, descriptionFr: input.descriptionFr, descriptionEn: input.descriptionEn,
    startsAt: montrealInstant(input.startsOn), endsAt: endOfMontrealDay(input.endsOn), territoryIds: territoryIds as string[], minAge: input.minAge, membersOnly: input.membersOnly,
    entryRules, capPerPerson: input.capPerPerson, drawAt: montrealInstant(input.drawDate, input.drawTime), drawPlaceFr: input.drawPlaceFr, drawPlaceEn: input.drawPlaceEn,
    claimDays: input.claimDays, skillQuestion: input.skillQuestion, skillAnswer: input.skillAnswer, howToldFr: input.howToldFr, howToldEn: input.howToldEn,
  };
  if (fields.drawAt.getTime() < fields.endsAt.getTime()) throw validationError({ drawTime: { key: 'contests.validation.drawDate' } });
  return fields;
}

const prizeRows = (contestId: string, input: TContestBody): (typeof contestPrizes.$inferInsert)[] =>
  input.prizes.map((p, i) => ({ id: newId(), contestId, position: i, nameFr: p.nameFr, nameEn: p.nameEn, quantity: p.quantity, valueCents: p.valueDollars * 100 }));

/** Staff create a contest as a draft (rules can still change); publishing makes the commitment public. */
export async function createContest(deps: Deps, actor: Actor | null, input: TContestBody, locale: Locale): Promise<ContestView> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const fields = await contestFields(deps, actor, input);
  let slug = slugify(input.titleFr);
  if (await contestsRepository.slugTaken(deps.db, slug)) slug = `${slug}-${newId().slice(0, 6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
  const row = await deps.db.transaction(async (tx) => {
    const created = await contestsRepository.insert(tx, { id: newId(), slug, ...fields, createdBy: actor.id });
    await contestsRepository.replacePrizes(tx, created.id, prizeRows(created.id, input));
    await audit(tx, { actorId: actor.id, action: 'contests.create', subjectType: 'contest', subjectId: created.id, data: { caisseId: fields.caisseId } });
    return created;
  });
  return contestView(deps, actor, row, locale);
}

/** Edits a draft, whole (published rules never change). */
export async function updateContest(deps: Deps, actor: Actor | null, idOrSlug: string, input: TContestBody, locale: Locale): Promise<ContestView> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const contest = await visibleContest(deps, actor, idOrSlug);
  if (!canManageContest(actor, contest.caisseId)) throw new AppError('FORBIDDEN');
  if (!canEditContest(actor, contest)) throw new AppError('CONTEST_NOT_EDITABLE');
  const fields = await contestFields(deps, actor, input);
  if (fields.caisseId !== contest.caisseId) throw validationError({ caisse: { key: 'validation.choice' } });
  const row = await deps.db.transaction(async (tx) => {
    const updated = await contestsRepository.updateDraft(tx, contest.id, fields);
    if (!updated) throw new AppError('CONTEST_NOT_EDITABLE');
    await contestsRepository.replacePrizes(tx, contest.id, prizeRows(contest.id, input));
    await audit(tx, { actorId: actor.id, action: 'contests.update', subjectType: 'contest', subjectId: contest.id });
    return updated;
  });
  return contestView(deps, actor, row, locale);
}

/** Publication: a fresh secret seed, sealed at rest; its sha256 goes public. Strictly before the period ends. */
export async function publishContest(deps: Deps, actor: Actor | null, idOrSlug: string, locale: Locale, now = new Date()): Promise<ContestView> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const contest = await visibleContest(deps, actor, idOrSlug);
  if (!canManageContest(actor, contest.caisseId)) throw new AppError('FORBIDDEN');
  if (contest.status !== 'draft') throw new AppError('CONTEST_ALREADY_PUBLISHED');
  if (now.getTime() >= contest.endsAt.getTime()) throw new AppError('CONTEST_PERIOD_ENDED');
  const seed = newSeed();
  const row = await deps.db.transaction(async (tx) => {
    const published = await contestsRepository.publish(tx, contest.id, { seedSealed: sealSeed(seed, deps.config.sessionSecret), commitment: commitmentOf(seed), now });
    if (!published) throw new AppError('CONTEST_ALREADY_PUBLISHED');
    await audit(tx, { actorId: actor.id, action: 'contests.publish', subjectType: 'contest', subjectId: contest.id, data: { commitment: published.commitment } });
    return published;
  });
  return contestView(deps, actor, row, locale, now);
}

/**
 * The person's pseudonym in this contest, stored when the list is frozen (inside the freeze's
 * transaction): an existing row wins (it may predate the keyed pseudonyms), else the keyed
 * pseudonym, or the next attempt when another person of the contest holds it (ADR 0022).
 */
export async function storePseudonym(db: Db, secret: string, contestId: string, userId: string): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const existing = await contestsRepository.participant(db, contestId, userId);
    if (existing) return existing.pseudonym;
    await contestsRepository.insertParticipant(db, { contestId, userId, pseudonym: pseudonymOf(secret, contestId, userId, attempt) });
  }
  throw new AppError('INTERNAL');
}

export const prizeOfSlot = (prizes: PrizeRow[], locale: Locale) => {
  const slots = prizes.flatMap((p) => Array.from({ length: p.quantity }, () => p));
  return (slot: number) => { const p = slots[slot]; return p ? pickLocale(locale, p.nameFr, p.nameEn) : ''; };
};

/** The caller's entries, computed from their recorded actions (or the frozen count once the period ended). Never writes (ADR 0026). */
export async function myEntries(deps: Deps, actor: Actor | null, idOrSlug: string, locale: Locale): Promise<MyEntriesView> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const contest = await visibleContest(deps, actor, idOrSlug);
  const rows = await contestsRepository.actions(deps.db, { startsAt: contest.startsAt, endsAt: contest.endsAt, userId: actor.id });
  const mine = computeEntries(rows, contest.entryRules, contest.capPerPerson, contest).get(actor.id);
  const [facts] = await contestsRepository.people(deps.db, [actor.id], contest.caisseId);
  const reasons = facts ? ineligibility(facts, contest) : (['inactive'] as const).slice();
  // A read never writes: the stored pseudonym (from the freeze) if any, else, while the period runs, the keyed one the freeze will store.
  const stored = await contestsRepository.participant(deps.db, contest.id, actor.id);
  const frozen = contest.frozenAt !== null;
  const pseudonym = stored?.pseudonym ?? (contest.status === 'published' && !frozen && mine ? pseudonymOf(deps.config.sessionSecret, contest.id, actor.id) : null);
  const listedCount = frozen ? (stored?.listed ? stored.entries : 0) : null;
  const win = await contestsRepository.winOf(deps.db, contest.id, actor.id);
  const prizes = win ? await contestsRepository.prizes(deps.db, contest.id) : [];
  return {
    contestId: contest.id,
    pseudonym,
    entries: listedCount ?? (reasons.length ? 0 : (mine?.entries ?? 0)),
    uncapped: mine?.uncapped ?? 0,
    cap: contest.capPerPerson,
    earnedBy: mine?.earnedBy ?? [],
    eligible: reasons.length === 0,
    reasons,
    frozen,
    win: win ? { prize: prizeOfSlot(prizes, locale)(win.slot), status: win.status, claimDeadline: win.claimDeadline ? win.claimDeadline.toISOString() : null, attemptsLeft: Math.max(0, CLAIM_ATTEMPTS - win.attempts) } : null,
  };
}

/** A draft's current rules as the edit form's flat values (organisers only). */
export async function draftFormValues(deps: Deps, actor: Actor | null, idOrSlug: string): Promise<{ contest: ContestRow; values: Record<string, unknown> }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const contest = await visibleContest(deps, actor, idOrSlug);
  if (!canManageContest(actor, contest.caisseId)) throw new AppError('FORBIDDEN');
  if (!canEditContest(actor, contest)) throw new AppError('CONTEST_NOT_EDITABLE');
  const [caisse, prizes, territories] = await Promise.all([contestsRepository.caisseOf(deps.db, contest.caisseId), contestsRepository.prizes(deps.db, contest.id), contestsRepository.territoryNames(deps.db, contest.territoryIds)]);
  const values: Record<string, unknown> = {
    caisse: caisse!.slug, titleFr: contest.titleFr, titleEn: contest.titleEn, descriptionFr: contest.descriptionFr, descriptionEn: contest.descriptionEn,
    startsOn: montrealDate(contest.startsAt), endsOn: montrealDate(new Date(contest.endsAt.getTime() - 1)), territories: territories.map((t) => t.slug),
    minAge: String(contest.minAge), membersOnly: contest.membersOnly ? 'on' : '', capPerPerson: String(contest.capPerPerson),
    drawDate: montrealDate(contest.drawAt), drawTime: montrealTime(contest.drawAt), drawPlaceFr: contest.drawPlaceFr, drawPlaceEn: contest.drawPlaceEn,
    claimDays: String(contest.claimDays), skillQuestion: contest.skillQuestion, skillAnswer: String(contest.skillAnswer), howToldFr: contest.howToldFr, howToldEn: contest.howToldEn,
  };
  for (const r of contest.entryRules) values[`entryRules.${r.action}`] = String(r.entries);
  prizes.forEach((p, i) => Object.assign(values, { [`prizes.${i}.nameFr`]: p.nameFr, [`prizes.${i}.nameEn`]: p.nameEn, [`prizes.${i}.quantity`]: String(p.quantity), [`prizes.${i}.valueDollars`]: String(Math.round(p.valueCents / 100)) }));
  return { contest, values };
}
