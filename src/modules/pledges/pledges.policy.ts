import type { ErrorCode } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { ProjectStatus } from '../projects/projects.domain.js';
import type { PledgeStatus } from './pledges.domain.js';
import { actsForTerritory } from '../access/access.scope.js';

/** Who is asking, as far as pledge rules care. `null` is a visitor. */
export type PledgeActor = Pick<Actor, 'id' | 'roles' | 'emailVerified'> | null;

/** What the rules need to know about a pledge. */
export type PolicyPledge = {
  supporterId: string | null;
  status: PledgeStatus;
  promoterConfirmedAt: Date | null;
  supporterConfirmedAt: Date | null;
};

/** The actor's relation to the pledge's project: its team, and the caisses serving its territory. */
export type PledgeRelation = { isTeam: boolean; servingCaisseIds: readonly string[] };

/** The moves a person can ask for; `lapsed` is only ever made by the lapse job. */
export const TRANSITION_TARGETS = ['accepted', 'declined', 'withdrawn', 'fulfilled'] as const;
export type TransitionTarget = (typeof TRANSITION_TARGETS)[number];

/** `forbidden`: not a party to this move; `not_allowed`: a party, but not from this state. */
export type Verdict = 'allowed' | 'not_allowed' | 'forbidden';

/** Project statuses in which needs take pledges. */
const PLEDGEABLE_PROJECT_STATUSES = ['published', 'in_progress'] as const satisfies readonly ProjectStatus[];
/** A pledge still unconfirmed this many days after its (end) date lapses. */
const LAPSE_AFTER_DAYS = 14;

function isSupporter(actor: PledgeActor, pledge: PolicyPledge): boolean {
  return actor !== null && pledge.supporterId !== null && pledge.supporterId === actor.id;
}

/** The supporter, the project team, the territory's caisse staff and admins; nobody else learns it exists. */
export function canViewPledge(actor: PledgeActor, pledge: PolicyPledge, rel: PledgeRelation): boolean {
  return isSupporter(actor, pledge) || (actor !== null && rel.isTeam) || actsForTerritory(actor, rel.servingCaisseIds);
}

/** Seeing every pledge of a project (with messages), not only the accepted and fulfilled ones. */
export function canSeeAllProjectPledges(actor: PledgeActor, rel: PledgeRelation): boolean {
  return (actor !== null && rel.isTeam) || actsForTerritory(actor, rel.servingCaisseIds);
}

function teamVerdict(actor: PledgeActor, rel: PledgeRelation, ok: boolean): Verdict {
  if (actor === null || !rel.isTeam) return 'forbidden';
  return ok ? 'allowed' : 'not_allowed';
}

/**
 * The one rule of the pledge lifecycle. The project team accepts or declines a proposal; the
 * supporter withdraws a proposed or accepted pledge (before confirming it happened); either side
 * confirms an accepted pledge happened, once each — the second confirmation fulfils it.
 */
export function transitionVerdict(actor: PledgeActor, pledge: PolicyPledge, rel: PledgeRelation, to: TransitionTarget): Verdict {
  const supporter = isSupporter(actor, pledge);
  switch (to) {
    case 'accepted':
    case 'declined':
      return teamVerdict(actor, rel, pledge.status === 'proposed');
    case 'withdrawn':
      if (!supporter) return 'forbidden';
      return pledge.status === 'proposed' || (pledge.status === 'accepted' && pledge.supporterConfirmedAt === null) ? 'allowed' : 'not_allowed';
    case 'fulfilled': {
      if (!supporter && !(actor !== null && rel.isTeam)) return 'forbidden';
      if (pledge.status !== 'accepted') return 'not_allowed';
      const side = confirmingSide(actor, pledge, rel);
      return side ? 'allowed' : 'not_allowed';
    }
  }
}

/**
 * Which side a "it happened" confirmation counts for: the supporter's, else the team's — whichever
 * has not confirmed yet. `null` when this actor's side(s) already confirmed.
 */
export function confirmingSide(actor: PledgeActor, pledge: PolicyPledge, rel: PledgeRelation): 'supporter' | 'team' | null {
  if (isSupporter(actor, pledge) && pledge.supporterConfirmedAt === null) return 'supporter';
  if (actor !== null && rel.isTeam && pledge.promoterConfirmedAt === null) return 'team';
  return null;
}

/** Withdrawing needs a reason; declining may give one. */
export function transitionNeedsReason(to: TransitionTarget): boolean {
  return to === 'withdrawn';
}

/** What a page may offer this actor on this pledge (views never re-check roles). */
export function pledgeAbilities(actor: PledgeActor, pledge: PolicyPledge, rel: PledgeRelation) {
  const can = (to: TransitionTarget) => transitionVerdict(actor, pledge, rel, to) === 'allowed';
  const waitingFor = pledge.status !== 'accepted' ? null : pledge.promoterConfirmedAt && !pledge.supporterConfirmedAt ? 'supporter' : pledge.supporterConfirmedAt && !pledge.promoterConfirmedAt ? 'team' : null;
  return { view: canViewPledge(actor, pledge, rel), accept: can('accepted'), decline: can('declined'), withdraw: can('withdrawn'), confirmFulfilled: can('fulfilled'), waitingFor } as const;
}
export type PledgeAbilities = ReturnType<typeof pledgeAbilities>;

/** What a would-be supporter needs to know about the need they pledge to. */
export type PledgeTarget = { projectStatus: ProjectStatus; needClosed: boolean; isTeam: boolean };

/** Why this actor may not pledge to this need, or null when they may. */
export function pledgeRefusal(actor: PledgeActor, target: PledgeTarget): ErrorCode | null {
  if (!actor) return 'UNAUTHENTICATED';
  if (!actor.emailVerified) return 'EMAIL_NOT_VERIFIED';
  if (target.needClosed || !(PLEDGEABLE_PROJECT_STATUSES as readonly ProjectStatus[]).includes(target.projectStatus)) return 'NEED_CLOSED';
  if (target.isTeam) return 'PLEDGE_OWN_PROJECT';
  return null;
}

/** Statuses the lapse job moves on: a proposal never answered, or an accepted pledge never fulfilled. */
const LAPSABLE_STATUSES = ['proposed', 'accepted'] as const satisfies readonly PledgeStatus[];

/** Pledges whose (end, else start) date is before this day lapse: it is 14 days before `today`. */
export function lapseCutoff(today: string): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - LAPSE_AFTER_DAYS);
  return d.toISOString().slice(0, 10);
}

export function isOverdue(pledge: { status: PledgeStatus; startDate: string | null; endDate: string | null }, today: string): boolean {
  const last = pledge.endDate ?? pledge.startDate;
  return (LAPSABLE_STATUSES as readonly PledgeStatus[]).includes(pledge.status) && last !== null && last < lapseCutoff(today);
}

/** Today's date in Montréal, as YYYY-MM-DD (dates of pledges are local days). */
export function localToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Needs of public projects are visible to all; others to the team, the territory's caisse staff and admins. */
export function canSeeNeed(actor: PledgeActor, projectIsPublic: boolean, rel: PledgeRelation): boolean {
  return projectIsPublic || (actor !== null && rel.isTeam) || actsForTerritory(actor, rel.servingCaisseIds);
}
