import type { Actor } from '../../platform/http/context.js';
import type { Limit } from '../../platform/rate-limit.js';
import type { ModerationActionKind, ReportStatus, ReportTarget } from './moderation.domain.js';
import { isPlatformAdmin, moderatedCaisseIds, moderatesIn } from '../access/access.scope.js';

/** Who is asking, as far as moderation cares: their id and role grants. `null` is a visitor. */
export type ModerationActor = Pick<Actor, 'id' | 'roles'> | null;

/** Filing reports: 20 an hour per person. */
export const REPORT_LIMIT: Limit = { name: 'report-user', max: 20, windowSeconds: 3600 };

/** Whether this actor has a moderation queue at all (nav entry, /moderation). */
export function isModerator(actor: ModerationActor): boolean {
  return isPlatformAdmin(actor) || moderatedCaisseIds(actor).length > 0;
}

/**
 * Whether this actor moderates content of a territory served by these caisses. Content without a
 * territory (or a territory no caisse serves) is for platform admins only.
 */
export function canModerate(actor: ModerationActor, servingCaisseIds: readonly string[]): boolean {
  return moderatesIn(actor, servingCaisseIds);
}

/** Hiding and restoring apply to content; suspending to people; dismissing closes reports on anything. */
function actionFits(action: ModerationActionKind, targetType: ReportTarget): boolean {
  if (action === 'suspend' || action === 'unsuspend') return targetType === 'user';
  if (action === 'hide' || action === 'restore') return targetType !== 'user';
  return true;
}

/** The state a target must be in for an action to make sense (no double hide, no restore of visible content). */
function actionApplies(action: ModerationActionKind, state: { hidden: boolean }): boolean {
  if (action === 'hide' || action === 'suspend') return !state.hidden;
  if (action === 'restore' || action === 'unsuspend') return state.hidden;
  return true;
}

export type ActionRefusal = 'FORBIDDEN' | 'VALIDATION' | 'STATE';

/**
 * The one rule for moderation actions: the actor moderates the target's territory, the action fits
 * the target's type and state, and nobody moderates their own content or account.
 */
export function actionRefusal(
  actor: ModerationActor,
  action: ModerationActionKind,
  target: { type: ReportTarget; authorIds: readonly string[]; servingCaisseIds: readonly string[]; hidden: boolean },
): ActionRefusal | null {
  if (!actor || !canModerate(actor, target.servingCaisseIds)) return 'FORBIDDEN';
  if (target.authorIds.includes(actor.id)) return 'FORBIDDEN';
  if (!actionFits(action, target.type)) return 'VALIDATION';
  if (!actionApplies(action, target)) return 'STATE';
  return null;
}

/**
 * Who may report a target: a signed-in person who can see it and did not write it; a message only
 * by the participants of its conversation.
 */
export function canReport(actor: ModerationActor, target: { authorIds: readonly string[]; visible: boolean; participantIds?: readonly string[] | null }): boolean {
  if (!actor || !target.visible || target.authorIds.includes(actor.id)) return false;
  if (target.participantIds) return target.participantIds.includes(actor.id);
  return true;
}

/**
 * Whether someone sees content hidden by moderation: its authors (with the reason) and the
 * moderators of its territory; everyone else does not see it at all.
 */
export function seesHidden(actor: ModerationActor, target: { authorIds: readonly string[]; servingCaisseIds: readonly string[] }): boolean {
  if (!actor) return false;
  return target.authorIds.includes(actor.id) || canModerate(actor, target.servingCaisseIds);
}

/** What an action does to the open reports on its target. */
export function reportOutcome(action: ModerationActionKind): ReportStatus {
  return action === 'hide' || action === 'suspend' ? 'actioned' : 'dismissed';
}

/** The notification an action sends to the author (dismissing a report tells them nothing). */
export function notificationKind(action: ModerationActionKind): 'moderation.hidden' | 'moderation.restored' | 'moderation.suspended' | null {
  if (action === 'hide') return 'moderation.hidden';
  if (action === 'restore' || action === 'unsuspend') return 'moderation.restored';
  if (action === 'suspend') return 'moderation.suspended';
  return null;
}
