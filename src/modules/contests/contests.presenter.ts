import { z } from 'zod';
import type { Locale } from '../../platform/i18n/i18n.js';
import { CONTEST_PHASES, CONTEST_STATUSES, ENTRY_ACTIONS, INELIGIBILITY_REASONS, WIN_STATUSES, type ContestPhase } from './contests.domain.js';
import type { ContestListRow, ContestRow, PrizeRow, WinnerRow } from './contests.repository.js';

const ZRef = z.object({ slug: z.string(), name: z.string() });
const pick = (locale: Locale, fr: string, en: string) => (locale === 'en' ? en : fr);

export const ZContestSummary = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  caisse: ZRef,
  status: z.enum(CONTEST_STATUSES),
  phase: z.enum(CONTEST_PHASES),
  startsAt: z.string(),
  endsAt: z.string(),
  drawAt: z.string(),
});
export type ContestSummaryView = z.output<typeof ZContestSummary>;
export const ZContestList = z.object({ items: z.array(ZContestSummary), nextCursor: z.string().nullable() });

export function presentSummary(c: ContestListRow, locale: Locale, phase: ContestPhase): ContestSummaryView {
  return { id: c.id, slug: c.slug, title: pick(locale, c.titleFr, c.titleEn), caisse: { slug: c.caisseSlug, name: c.caisseName }, status: c.status, phase, startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString(), drawAt: c.drawAt.toISOString() };
}

export const ZPrize = z.object({ position: z.number().int(), name: z.string(), quantity: z.number().int(), valueCents: z.number().int(), currency: z.literal('CAD') });
export type PrizeView = z.output<typeof ZPrize>;
export const presentPrize = (p: PrizeRow, locale: Locale): PrizeView => ({ position: p.position, name: pick(locale, p.nameFr, p.nameEn), quantity: p.quantity, valueCents: p.valueCents, currency: 'CAD' });

/** Everything the published rules carry (product.md), in the reader's language. */
export const ZContest = ZContestSummary.extend({
  description: z.string(),
  territories: z.array(ZRef),
  eligibility: z.object({ minAge: z.number().int(), membersOnly: z.boolean(), organiserStaffExcluded: z.literal(true) }),
  entryRules: z.array(z.object({ action: z.enum(ENTRY_ACTIONS), entries: z.number().int() })),
  capPerPerson: z.number().int(),
  prizes: z.array(ZPrize),
  drawPlace: z.string(),
  claimDays: z.number().int(),
  skillQuestion: z.string(),
  howWinnersAreTold: z.string(),
  /** sha256 (hex) of the secret seed, published with the contest; null while it is a draft. */
  commitment: z.string().nullable(),
  publishedAt: z.string().nullable(),
  can: z.object({ edit: z.boolean(), publish: z.boolean(), draw: z.boolean() }),
});
export type ContestView = z.output<typeof ZContest>;

export function presentContest(c: ContestRow, o: { caisse: { slug: string; name: string }; prizes: PrizeRow[]; territories: { slug: string; nameFr: string; nameEn: string }[]; locale: Locale; phase: ContestPhase; can: ContestView['can'] }): ContestView {
  const { locale } = o;
  return {
    ...presentSummary({ ...c, caisseSlug: o.caisse.slug, caisseName: o.caisse.name }, locale, o.phase),
    description: pick(locale, c.descriptionFr, c.descriptionEn),
    territories: o.territories.map((t) => ({ slug: t.slug, name: pick(locale, t.nameFr, t.nameEn) })),
    eligibility: { minAge: c.minAge, membersOnly: c.membersOnly, organiserStaffExcluded: true },
    entryRules: c.entryRules.map((r) => ({ action: r.action, entries: r.entries })),
    capPerPerson: c.capPerPerson,
    prizes: o.prizes.map((p) => presentPrize(p, locale)),
    drawPlace: pick(locale, c.drawPlaceFr, c.drawPlaceEn),
    claimDays: c.claimDays,
    skillQuestion: c.skillQuestion,
    howWinnersAreTold: pick(locale, c.howToldFr, c.howToldEn),
    commitment: c.commitment,
    publishedAt: c.publishedAt ? c.publishedAt.toISOString() : null,
    can: o.can,
  };
}

/** The caller's own entries: which recorded actions earned them, their pseudonym, and whether they may win. */
export const ZMyEntries = z.object({
  contestId: z.string(),
  pseudonym: z.string().nullable(),
  entries: z.number().int(),
  uncapped: z.number().int(),
  cap: z.number().int(),
  earnedBy: z.array(z.object({ action: z.enum(ENTRY_ACTIONS), actions: z.number().int(), entries: z.number().int() })),
  eligible: z.boolean(),
  reasons: z.array(z.enum(INELIGIBILITY_REASONS)),
  /** True once the list is frozen: these counts are the published ones. */
  frozen: z.boolean(),
  win: z.object({ prize: z.string(), status: z.enum(WIN_STATUSES), claimDeadline: z.string().nullable(), attemptsLeft: z.number().int() }).nullable(),
});
export type MyEntriesView = z.output<typeof ZMyEntries>;

const ZWinner = z.object({ slot: z.number().int(), prize: z.string(), pseudonym: z.string().nullable(), counter: z.number().int().nullable(), status: z.enum(WIN_STATUSES).nullable() });
const ZRound = z.object({ round: z.number().int(), slots: z.array(z.number().int()), startCounter: z.number().int(), nextCounter: z.number().int(), at: z.string(), winners: z.array(ZWinner) });

/** The public verification data: everything `scripts/verify-draw.ts` needs, and nothing personal. */
export const ZPublicDraw = z.object({
  algorithm: z.string(),
  contest: z.string(),
  title: z.string(),
  commitment: z.string().nullable(),
  seed: z.string().nullable(),
  frozenAt: z.string().nullable(),
  drawnAt: z.string().nullable(),
  entryList: z.object({ sha256: z.string(), totalEntries: z.number().int(), entries: z.array(z.object({ pseudonym: z.string(), entries: z.number().int() })) }).nullable(),
  slots: z.array(z.object({ slot: z.number().int(), prize: z.string() })),
  rounds: z.array(ZRound),
});
export type PublicDrawView = z.output<typeof ZPublicDraw>;

export function presentRounds(c: ContestRow, winners: WinnerRow[], prizeOfSlot: (slot: number) => string) {
  return c.rounds.map((r) => ({
    round: r.round, slots: r.slots, startCounter: r.startCounter, nextCounter: r.nextCounter, at: r.at,
    winners: winners.filter((w) => w.round === r.round).map((w) => ({ slot: w.slot, prize: prizeOfSlot(w.slot), pseudonym: w.pseudonym, counter: w.counter, status: w.pseudonym ? w.status : null })),
  }));
}

export const ZClaimResult = z.object({ status: z.enum(WIN_STATUSES), prize: z.string(), claimedAt: z.string().nullable() });
