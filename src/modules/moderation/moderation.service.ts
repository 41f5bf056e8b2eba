import { newId } from '../../db/ids.js';
import type { Db } from '../../db/client.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { audit } from '../../platform/audit.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { hit } from '../../platform/rate-limit.js';
import { reportTarget } from '../../platform/report-targets.js';
import { notificationsRepository } from '../notifications/notifications.repository.js';
import { moderationRepository } from './moderation.repository.js';
import type { ReportStatus, ReportTarget } from './moderation.domain.js';
import { actionRefusal, canReport, isModerator, notificationKind, REPORT_LIMIT, reportOutcome, seesHidden } from './moderation.policy.js';
import { excerptOf, presentAction, presentReport, presentTarget, targetUrl, type ModerationActionView, type QueuedReportView, type ReportView, type TargetSummary } from './moderation.presenter.js';
import type { TActionBody, TReportBody } from './moderation.schemas.js';
import type { TargetRow } from './moderation.types.js';
import { isPlatformAdmin, moderatedCaisseIds } from '../access/access.scope.js';
import { accessRepository } from '../access/access.repository.js';

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

function moderator(actor: Actor | null): Actor {
  const me = signedIn(actor);
  if (!isModerator(me)) throw new AppError('FORBIDDEN');
  return me;
}

async function findTarget(db: Db, type: ReportTarget, id: string): Promise<TargetRow> {
  const target = await moderationRepository.findTarget(db, type, id);
  if (!target) throw new AppError('REPORT_TARGET_NOT_FOUND');
  return target;
}

/** Whether this person can see the target where it lives (hidden content only for its authors and moderators). */
async function visibleTo(deps: Deps, actor: Actor, target: TargetRow, serving: string[]): Promise<boolean> {
  const visible = await reportTarget(target.type).visibleTo(deps, actor, target);
  return visible && (!target.hiddenAt || seesHidden(actor, { authorIds: target.authorIds, servingCaisseIds: serving }));
}

/**
 * Whether this viewer sees a piece of content hidden by moderation (its authors, an offer's owner
 * and organisation members, the moderators of its territory). Visible content: always true.
 */
export async function seesHiddenContent(deps: Pick<Deps, 'db'>, actor: Actor | null, type: Exclude<ReportTarget, 'user'>, id: string): Promise<boolean> {
  const target = await moderationRepository.findTarget(deps.db, type, id);
  if (!target?.hiddenAt) return true;
  if (!actor) return false;
  return seesHidden(actor, { authorIds: target.authorIds, servingCaisseIds: await accessRepository.servingCaisseIds(deps.db, target.territoryId) });
}

/** What a report page shows about its target: a short summary, if this person may report it. */
export async function reportableTarget(deps: Deps, actor: Actor | null, type: ReportTarget, id: string): Promise<TargetSummary> {
  const me = signedIn(actor);
  const target = await findTarget(deps.db, type, id);
  const serving = await accessRepository.servingCaisseIds(deps.db, target.territoryId);
  const visible = await visibleTo(deps, me, target, serving);
  if (!canReport(me, { authorIds: target.authorIds, visible, participantIds: target.participantIds })) throw new AppError('REPORT_TARGET_NOT_FOUND');
  return presentTarget(target);
}

/**
 * Files a report on something this person can see and did not write. One open report per person
 * and target: filing again returns the open one (`created: false`). The territory is resolved now,
 * so the report reaches the moderators of the caisses serving it.
 */
export async function fileReport(deps: Deps, actor: Actor | null, input: TReportBody): Promise<{ report: ReportView; created: boolean }> {
  const me = signedIn(actor);
  await reportableTarget(deps, me, input.targetType, input.targetId);
  const target = await findTarget(deps.db, input.targetType, input.targetId);
  const existing = await moderationRepository.findOpenReport(deps.db, me.id, target.type, target.id);
  if (existing) return { report: presentReport(existing), created: false };
  await hit(deps.db, REPORT_LIMIT, me.id, deps.config.rateLimits);
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await moderationRepository.insertReport(tx, { id, reporterId: me.id, targetType: target.type, targetId: target.id, territoryId: target.territoryId, reason: input.reason, details: input.details });
    await audit(tx, { actorId: me.id, action: 'report.file', subjectType: target.type, subjectId: target.id, data: { reportId: id, reason: input.reason } });
  });
  return { report: presentReport((await moderationRepository.findReport(deps.db, id))!), created: true };
}

/** The territories whose reports this moderator sees: those their caisses serve (null: all, for platform admins). */
const queueScope = async (deps: Deps, me: Actor) => (isPlatformAdmin(me) ? null : accessRepository.territoryIdsOf(deps.db, moderatedCaisseIds(me)));

async function summary(deps: Deps, type: ReportTarget, id: string): Promise<TargetSummary | null> {
  const target = await moderationRepository.findTarget(deps.db, type, id);
  return target ? presentTarget(target) : null;
}

/** Reports on the territories this moderator's caisses serve (all for platform admins), newest first. */
export async function listReports(deps: Deps, actor: Actor | null, status: ReportStatus, limit: number, cursor?: string): Promise<{ items: QueuedReportView[]; nextCursor: string | null }> {
  const me = moderator(actor);
  const rows = await moderationRepository.listReports(deps.db, await queueScope(deps, me), status, limit, decodeCursor(cursor));
  const result = page(rows, limit, (r) => ({ at: r.cursor_at, id: r.id }));
  const items = await Promise.all(result.items.map(async (r) => ({ ...presentReport(r), target: await summary(deps, r.target_type, r.target_id) })));
  return { items, nextCursor: result.nextCursor };
}

export type QueueGroup = { target: TargetSummary | null; targetType: ReportTarget; targetId: string; reports: number; reasons: string[]; details: string[]; latestAt: string; history: ModerationActionView[] };

/** The queue page: reports grouped by target, each with its content and the history of actions on it. */
export async function queue(deps: Deps, actor: Actor | null, status: ReportStatus, limit: number, cursor?: string): Promise<{ items: QueueGroup[]; nextCursor: string | null }> {
  const me = moderator(actor);
  const rows = await moderationRepository.listGroups(deps.db, await queueScope(deps, me), status, limit, decodeCursor(cursor));
  const result = page(rows, limit, (r) => ({ at: r.cursor_at, id: r.target_id }));
  const items = await Promise.all(result.items.map(async (g) => ({
    target: await summary(deps, g.target_type, g.target_id),
    targetType: g.target_type,
    targetId: g.target_id,
    reports: g.reports,
    reasons: g.reasons,
    details: g.details.slice(0, 5),
    latestAt: new Date(g.latest_at).toISOString(),
    history: (await moderationRepository.actionsOn(deps.db, g.target_type, g.target_id)).map(presentAction),
  })));
  return { items, nextCursor: result.nextCursor };
}

/**
 * One moderation decision, in one transaction holding the target: its effect (hide, restore,
 * suspend, unsuspend, or none for dismiss), the action row, the audit entry, the open reports on
 * the target closed, and a notification telling the author why.
 */
export async function act(deps: Deps, actor: Actor | null, input: TActionBody): Promise<ModerationActionView & { reportsResolved: number }> {
  const me = moderator(actor);
  const id = newId();
  const found = await findTarget(deps.db, input.targetType, input.targetId);
  const { resolved: reportsResolved, target: acted } = await deps.db.transaction(async (tx) => {
    await moderationRepository.lockTarget(tx, found.type, found.id);
    const target = await findTarget(tx, found.type, found.id);
    const serving = await accessRepository.servingCaisseIds(tx, target.territoryId);
    if (input.reportId) {
      const report = await moderationRepository.findReport(tx, input.reportId);
      if (!report || report.target_type !== target.type || report.target_id !== target.id) throw validationError({ reportId: { key: 'validation.invalid' } });
    }
    const refusal = actionRefusal(me, input.action, { type: target.type, authorIds: target.authorIds, servingCaisseIds: serving, hidden: target.hiddenAt !== null });
    if (refusal === 'FORBIDDEN') throw new AppError('FORBIDDEN');
    if (refusal === 'VALIDATION') throw validationError({ action: { key: 'moderation.validation.actionTarget' } });
    if (refusal === 'STATE') throw new AppError('MODERATION_STATE');

    const definition = reportTarget(target.type);
    if (definition.effect === 'suspend') {
      if (input.action === 'suspend' || input.action === 'unsuspend') await definition.suspend?.(tx, target.id, input.action === 'suspend');
    } else if (input.action === 'hide' || input.action === 'restore') {
      const hide = input.action === 'hide';
      await moderationRepository.setHidden(tx, target.type, target.id, hide ? input.reason : null);
      await moderationRepository.setSubjectHidden(tx, target.type, target.id, hide);
    }
    await moderationRepository.insertAction(tx, { id, moderatorId: me.id, action: input.action, targetType: target.type, targetId: target.id, reportId: input.reportId ?? null, reason: input.reason });
    await audit(tx, { actorId: me.id, action: `moderation.${input.action}`, subjectType: target.type, subjectId: target.id, data: { actionId: id, reason: input.reason, reportId: input.reportId ?? null } });
    const resolved = await moderationRepository.resolveReports(tx, target.type, target.id, reportOutcome(input.action), me.id);
    const kind = notificationKind(input.action);
    const label = (definition.quote === 'excerpt' ? excerptOf(target.excerpt, 80) : target.title.slice(0, 140)) || target.title.slice(0, 140);
    if (kind) {
      for (const userId of target.authorIds) {
        await notificationsRepository.insert(tx, {
          userId, kind,
          data: { targetType: target.type, targetId: target.id, subjectTitle: label, title: label, reason: input.reason },
          url: definition.effect === 'suspend' ? '/moi' : targetUrl(target),
        });
      }
    }
    return { resolved, target };
  });
  const row = (await moderationRepository.actionsOn(deps.db, acted.type, acted.id, 5)).find((a) => a.id === id);
  return { ...presentAction(row!), reportsResolved };
}

/** For pages: whether this actor gets the moderation queue in the navigation. */
;
