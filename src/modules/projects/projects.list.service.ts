import type { Deps } from '../../platform/deps.js';
import { validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import { NEED_KINDS, type NeedKind } from '../needs/needs.domain.js';
import { isOpenForHelp } from '../needs/needs.status.js';
import { needsWithProgressByProject, type NeedWithProgress } from '../needs/needs.service.js';
import { projectsListRepository, type ListPosition } from './projects.list.repository.js';
import type { ProjectCardRow } from './projects.types.js';
import { presentCard, type ProjectCardView } from './projects.presenter.js';
import { laureateProjectIds } from '../call-reviews/call-reviews.service.js';
import { campaignChips } from '../crowdfunding/crowdfunding.service.js';
import type { TProjectListQuery } from './projects.schemas.js';
import { staffCaisseIds } from '../access/access.scope.js';
import { accessRepository } from '../access/access.repository.js';

export type ProjectPage = { items: ProjectCardView[]; nextCursor: string | null };

/** Kinds of needs still asking for help, in the catalogue's order, with how many of each. */
export function openNeedSummary(needs: NeedWithProgress[]): { kind: NeedKind; count: number }[] {
  const counts = new Map<NeedKind, number>();
  for (const n of needs) if (isOpenForHelp(n.progress.status)) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  return NEED_KINDS.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind)! }));
}

/** A search cursor also carries the last rank (exact decimal text), so pages never skip or repeat. */
function encodeSearchCursor(row: ProjectCardRow): string {
  return Buffer.from(JSON.stringify({ r: row.rank, at: row.cursorAt, id: row.id })).toString('base64url');
}

function decodeSearchCursor(cursor: string): ListPosition {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof v.r === 'string' && /^\d{1,6}(\.\d{1,6})?$/.test(v.r) && typeof v.at === 'string' && !Number.isNaN(Date.parse(v.at)) && typeof v.id === 'string') return { rank: v.r, at: v.at, id: v.id };
  } catch {
    /* fall through */
  }
  throw validationError({ cursor: { key: 'validation.invalid' } });
}

async function toCards(deps: Deps, rows: ProjectCardRow[], locale: Locale): Promise<ProjectCardView[]> {
  const ids = rows.map((r) => r.id);
  const [needs, laureates, campaigns] = await Promise.all([needsWithProgressByProject(deps, ids), laureateProjectIds(deps, ids), campaignChips(deps, ids)]);
  return rows.map((r) => presentCard(r, openNeedSummary(needs.get(r.id) ?? []), locale, laureates.has(r.id), campaigns.get(r.id) ?? null));
}

/** The public grid: published, in progress and completed projects, filtered; keyset pages. */
export async function listProjects(deps: Deps, locale: Locale, query: TProjectListQuery): Promise<ProjectPage> {
  const { limit, cursor, ...filters } = query;
  const after = cursor ? (filters.q ? decodeSearchCursor(cursor) : decodeCursor(cursor)) : undefined;
  const rows = await projectsListRepository.list(deps.db, filters, limit, after);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last?.cursorAt ? (filters.q ? encodeSearchCursor(last) : encodeCursor(last.cursorAt, last.id)) : null;
  return { items: await toCards(deps, items, locale), nextCursor };
}

/** A territory's public projects, newest first (the territory page shows them). */
export async function listTerritoryProjects(deps: Deps, territoryId: string, limit: number, locale: Locale = 'fr'): Promise<ProjectCardView[]> {
  return toCards(deps, await projectsListRepository.byTerritory(deps.db, territoryId, limit), locale);
}

/** What a signed-in person works on (drafts included), and submitted projects their caisses must review. */
export async function listMyProjects(deps: Deps, actor: Actor, locale: Locale): Promise<ProjectCardView[]> {
  const reviewTerritoryIds = await accessRepository.territoryIdsOf(deps.db, staffCaisseIds(actor));
  return toCards(deps, await projectsListRepository.forActor(deps.db, actor.id, reviewTerritoryIds), locale);
}
