import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { ROLLOUT_STATES, type RolloutState } from '../territories/territories.domain.js';
import { usersRepository } from '../auth/users.repository.js';
import { canViewAudit, canViewOutbox } from './admin.policy.js';
import { adminLogsRepository, type AuditListRow, type OutboxListRow } from './admin.logs.repository.js';
import { adminTerritoriesRepository } from './admin.territories.repository.js';
import { adminCaissesRepository } from './admin.caisses.repository.js';
import { decodeCursor, page, type Cursor } from '../../platform/pagination.js';
import { isPlatformAdmin } from '../access/access.scope.js';

export type PageRequest = { limit: number; cursor?: string | undefined };
export type Page<R> = { items: R[]; nextCursor: string | null };
const position = (row: { at: string; id: string }) => ({ at: row.at, id: row.id });
const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Our cursors carry the exact time as the database wrote it; anything else is forged. */
function afterCursor(cursor: string | undefined): Cursor | undefined {
  const after = decodeCursor(cursor);
  if (after && !EXACT_TIME.test(after.at)) throw validationError({ cursor: { key: 'validation.invalid' } });
  return after;
}

/** The dev outbox, newest first: every mail the platform queued, with its delivery state. */
export async function listOutbox(deps: Deps, actor: Actor, req: PageRequest): Promise<Page<OutboxListRow>> {
  if (!canViewOutbox(actor)) throw new AppError('FORBIDDEN');
  const rows = await adminLogsRepository.outboxPage(deps.db, req.limit + 1, afterCursor(req.cursor));
  return page(rows, req.limit, position);
}

export async function listAudit(deps: Deps, actor: Actor, req: PageRequest): Promise<Page<AuditListRow>> {
  if (!canViewAudit(actor)) throw new AppError('FORBIDDEN');
  const rows = await adminLogsRepository.auditPage(deps.db, req.limit + 1, afterCursor(req.cursor));
  return page(rows, req.limit, position);
}

export type DashboardStats = { people: number; caisses: number; territories: Record<RolloutState, number>; mails: { pending: number; failed: number } };

export async function dashboardStats(deps: Deps, actor: Actor): Promise<DashboardStats> {
  if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN');
  const [people, caisses, byState, mails] = await Promise.all([
    usersRepository.countActive(deps.db),
    adminCaissesRepository.count(deps.db),
    adminTerritoriesRepository.countByRolloutState(deps.db),
    adminLogsRepository.mailCountsByStatus(deps.db),
  ]);
  const territories = Object.fromEntries(ROLLOUT_STATES.map((s) => [s, byState[s] ?? 0])) as Record<RolloutState, number>;
  return { people, caisses, territories, mails: { pending: mails.pending ?? 0, failed: mails.failed ?? 0 } };
}
