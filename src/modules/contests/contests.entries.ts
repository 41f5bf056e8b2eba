import type { EntryAction, EntryRule, IneligibilityReason } from './contests.domain.js';

/** One recorded action of a person (a fulfilled pledge, a published update, the first time their page became complete), with when it happened. */
export type ActionRow = { userId: string; action: EntryAction; subjectId: string; at: Date };
export type EntryPeriod = { startsAt: Date; endsAt: Date };
export type EarnedBy = { action: EntryAction; actions: number; entries: number };
export type PersonEntries = { userId: string; entries: number; uncapped: number; earnedBy: EarnedBy[] };

/** Whether an action counts: inside [startsAt, endsAt). A page completed before the period (or after it) earns nothing. */
const inPeriod = (at: Date, p: EntryPeriod) => at.getTime() >= p.startsAt.getTime() && at.getTime() < p.endsAt.getTime();

/**
 * Entries computed from recorded actions only: each rule gives `entries` per action of its kind in
 * the period (`profile_completed` counts once), then the total is capped per person. Pure.
 */
export function computeEntries(rows: readonly ActionRow[], rules: readonly EntryRule[], cap: number, period: EntryPeriod): Map<string, PersonEntries> {
  const perRule = new Map(rules.map((r) => [r.action, r.entries]));
  const seen = new Set<string>();
  const tallies = new Map<string, Map<EntryAction, number>>();
  for (const row of rows) {
    if (!perRule.has(row.action) || !inPeriod(row.at, period)) continue;
    const key = `${row.userId}\u0000${row.action}\u0000${row.action === 'profile_completed' ? '' : row.subjectId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const mine = tallies.get(row.userId) ?? new Map<EntryAction, number>();
    mine.set(row.action, (mine.get(row.action) ?? 0) + 1);
    tallies.set(row.userId, mine);
  }
  const out = new Map<string, PersonEntries>();
  for (const [userId, mine] of tallies) {
    const earnedBy = rules.filter((r) => mine.has(r.action)).map((r) => ({ action: r.action, actions: mine.get(r.action)!, entries: mine.get(r.action)! * r.entries }));
    const uncapped = earnedBy.reduce((s, e) => s + e.entries, 0);
    out.set(userId, { userId, entries: Math.min(uncapped, cap), uncapped, earnedBy });
  }
  return out;
}

export type EligibilityInput = {
  birthYear: number | null;
  emailVerified: boolean;
  territoryId: string | null;
  active: boolean;
  /** Holds a staff, moderator or admin grant of the organising caisse, or is a platform admin. */
  organiserStaff: boolean;
};
export type EligibilityRules = { minAge: number; membersOnly: boolean; territoryIds: readonly string[]; endsAt: Date };

/**
 * Who may win. Age: only the birth year is known, so a person is eligible when the calendar year in
 * which the period ends, minus their birth year, is at least `minAge` (they reach that age during
 * that year at the latest); the claim page asks the winner to confirm their age before the prize is
 * confirmed. No birth year → not eligible. Members: a verified account living in one of the
 * contest's territories. Staff of the organising caisse (and platform admins) never win.
 */
export function ineligibility(p: EligibilityInput, rules: EligibilityRules): IneligibilityReason[] {
  const reasons: IneligibilityReason[] = [];
  if (!p.active) reasons.push('inactive');
  if (p.organiserStaff) reasons.push('organiser_staff');
  if (p.birthYear === null) reasons.push('age_unknown');
  else if (montrealYear(rules.endsAt) - p.birthYear < rules.minAge) reasons.push('under_age');
  if (rules.membersOnly && !p.emailVerified) reasons.push('not_member');
  if (p.territoryId === null || !rules.territoryIds.includes(p.territoryId)) reasons.push('outside_territory');
  return reasons;
}

/** The calendar year of an instant in Montréal. */
function montrealYear(at: Date): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric' }).format(at));
}
