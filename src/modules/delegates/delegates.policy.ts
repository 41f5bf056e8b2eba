import { actsForCaisse, isDelegateOf, type ScopeActor } from '../access/access.scope.js';

/** Who is asking, as far as the delegate programme cares. `null` is a visitor. */
export type DelegateActor = (NonNullable<ScopeActor> & { emailVerified: boolean }) | null;
export type CampaignDates = { deadline: Date; termStart: Date; termEnd: Date };

/** Registration is open until the deadline (inclusive), then the form closes. */
export function registrationOpen(campaign: CampaignDates | null | undefined, now: Date): boolean {
  return campaign !== null && campaign !== undefined && now.getTime() <= campaign.deadline.getTime();
}

/** A verified member may apply while registration is open and they have not applied yet. */
export function canApply(actor: DelegateActor, campaign: CampaignDates | null | undefined, now: Date, alreadyApplied: boolean): boolean {
  return actor !== null && actor.emailVerified && registrationOpen(campaign, now) && !alreadyApplied;
}

/** Opening campaigns and deciding applications: the caisse's staff (or a platform admin). */
export function canManageDelegates(actor: DelegateActor, caisseId: string): boolean {
  return actsForCaisse(actor, caisseId);
}

/** The projects to accompany: the caisse's delegates in their term, and its staff. */
export function canSeeDelegateProjects(actor: DelegateActor, caisseId: string): boolean {
  return isDelegateOf(actor, caisseId) || actsForCaisse(actor, caisseId);
}

/** A term must start after the deadline and end after it starts. */
export function campaignDatesValid(c: CampaignDates): 'termStart' | 'termEnd' | null {
  if (c.termStart.getTime() < c.deadline.getTime()) return 'termStart';
  if (c.termEnd.getTime() <= c.termStart.getTime()) return 'termEnd';
  return null;
}
