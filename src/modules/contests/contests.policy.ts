import { actsForCaisse, isPlatformAdmin, staffCaisseIds, type ScopeActor } from '../access/access.scope.js';
import type { ContestPhase, ContestStatus } from './contests.domain.js';

export type ContestTimes = { status: ContestStatus; startsAt: Date; endsAt: Date; drawnAt: Date | null };

/** Where a contest stands now. */
export function phaseOf(c: ContestTimes, now: Date): ContestPhase {
  if (c.status === 'draft') return 'draft';
  if (c.drawnAt) return 'drawn';
  if (now.getTime() < c.startsAt.getTime()) return 'upcoming';
  if (now.getTime() < c.endsAt.getTime()) return 'running';
  return 'closed';
}

/** Staff of the organising caisse, or a platform admin, run its contests (create, edit, publish, draw). */
export function canManageContest(actor: ScopeActor, caisseId: string): boolean {
  return actsForCaisse(actor, caisseId);
}

/** The caisses for which this actor may create contests (a platform admin: any). */
export function canCreateContests(actor: ScopeActor): boolean {
  return isPlatformAdmin(actor) || staffCaisseIds(actor).length > 0;
}

/** Drafts are visible to those who run them only. */
export function canSeeContest(actor: ScopeActor, c: { status: ContestStatus; caisseId: string }): boolean {
  return c.status === 'published' || canManageContest(actor, c.caisseId);
}

/** Rules change only while the contest is a draft: once published (commitment out), they are fixed. */
export function canEditContest(actor: ScopeActor, c: { status: ContestStatus; caisseId: string }): boolean {
  return c.status === 'draft' && canManageContest(actor, c.caisseId);
}

/** Publishing makes the commitment public; it must happen strictly before the period ends. */
export function canPublishContest(actor: ScopeActor, c: ContestTimes & { caisseId: string }, now: Date): boolean {
  return c.status === 'draft' && now.getTime() < c.endsAt.getTime() && canManageContest(actor, c.caisseId);
}

/** The draw: after the period ends, once. */
export function canDraw(actor: ScopeActor, c: ContestTimes & { caisseId: string }, now: Date): boolean {
  return phaseOf(c, now) === 'closed' && canManageContest(actor, c.caisseId);
}

/** A claim is open while the win waits for it and its deadline has not passed. */
export function claimOpen(win: { status: string; claimDeadline: Date | null }, now: Date): boolean {
  return win.status === 'notified' && win.claimDeadline !== null && now.getTime() <= win.claimDeadline.getTime();
}
