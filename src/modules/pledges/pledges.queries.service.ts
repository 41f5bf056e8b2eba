import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { isPublicStatus } from '../projects/projects.policy.js';
import type { NeedUnit } from '../needs/needs.domain.js';
import { canSeeAllProjectPledges, canSeeNeed, canViewPledge, pledgeAbilities, type PledgeAbilities, type PledgeActor } from './pledges.policy.js';
import { pledgesRepository } from './pledges.repository.js';
import { projectsRepository } from '../projects/projects.repository.js';
import { usersRepository } from '../auth/users.repository.js';
import type { PledgeDetail } from './pledges.types.js';
import { presentEvent, supporterName } from './pledges.presenter.js';
import { relationTo } from './pledges.service.js';
import type { PledgeStatus } from './pledges.domain.js';
import type { TMyPledgesQuery } from './pledges.schemas.js';

export type PledgeWithAbilities = { pledge: PledgeDetail; can: PledgeAbilities };

/** One pledge with its history, for its supporter, the project team, the territory's caisse staff and admins; anyone else gets PLEDGE_NOT_FOUND. */
export async function getPledge(deps: Pick<Deps, 'db'>, actor: Actor | null, id: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const pledge = await pledgesRepository.detail(deps.db, id);
  if (!pledge) throw new AppError('PLEDGE_NOT_FOUND');
  const rel = await relationTo(deps.db, actor, pledge.project);
  if (!canViewPledge(actor, pledge, rel)) throw new AppError('PLEDGE_NOT_FOUND');
  const events = (await pledgesRepository.events(deps.db, id)).map(presentEvent);
  const side: 'supporter' | 'team' | 'observer' = pledge.supporterId === actor.id ? 'supporter' : rel.isTeam ? 'team' : 'observer';
  return { pledge, can: pledgeAbilities(actor, pledge, rel), events, side, contact: await contactFor(deps, side, pledge) };
}

/** Who each side writes to about a pledge: the supporter writes to the promoter, the team to the supporter. */
async function contactFor(deps: Pick<Deps, 'db'>, side: 'supporter' | 'team' | 'observer', pledge: PledgeDetail): Promise<{ handle: string; displayName: string } | null> {
  if (side === 'team') return supporterName(pledge);
  if (side !== 'supporter') return null;
  const project = await projectsRepository.findById(deps.db, pledge.project.id);
  const promoter = project ? await usersRepository.findById(deps.db, project.promoterId) : undefined;
  return promoter && !promoter.deletedAt && !promoter.suspendedAt ? { handle: promoter.handle, displayName: promoter.displayName } : null;
}

/** Pledges I made (`mine`) or received on my projects' (`received`), newest first, with what I may do on each. */
export async function listMyPledges(deps: Pick<Deps, 'db'>, actor: Actor, q: Pick<TMyPledgesQuery, 'status' | 'scope' | 'limit' | 'cursor'>) {
  const opts = { statuses: q.status ? [q.status] : undefined, limit: q.limit, cursor: decodeCursor(q.cursor) };
  const rows = q.scope === 'received' ? await pledgesRepository.listReceived(deps.db, actor.id, opts) : await pledgesRepository.listBySupporter(deps.db, actor.id, opts);
  const { items, nextCursor } = page(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  const teamOf = await pledgesRepository.teamProjectIds(deps.db, actor.id, [...new Set(items.map((p) => p.projectId))]);
  const withAbilities: PledgeWithAbilities[] = items.map((pledge) => ({ pledge, can: pledgeAbilities(actor, pledge, { isTeam: teamOf.has(pledge.projectId), servingCaisseIds: [] }) }));
  return { items: withAbilities, nextCursor };
}

/** A project's pledges: all of them for its team, its caisse staff and admins; accepted and fulfilled ones for others. */
/** A project's pledges, newest first, paged: its team sees every status, others accepted and fulfilled help. */
export async function projectPledges(deps: Pick<Deps, 'db'>, actor: Actor | null, projectId: string, q: { status?: PledgeStatus | undefined; limit: number; cursor?: string | undefined }) {
  const status = q.status;
  const project = await pledgesRepository.project(deps.db, projectId);
  if (!project) throw new AppError('PROJECT_NOT_FOUND');
  const rel = await relationTo(deps.db, actor, project);
  if (!canSeeNeed(actor, isPublicStatus(project.status), rel)) throw new AppError('PROJECT_NOT_FOUND');
  const full = canSeeAllProjectPledges(actor, rel);
  const visible: PledgeStatus[] = full ? [] : ['accepted', 'fulfilled'];
  const statuses = status ? (full || visible.includes(status) ? [status] : null) : visible;
  const cursor = decodeCursor(q.cursor);
  const rows = statuses === null ? [] : await pledgesRepository.pageByProject(deps.db, projectId, { statuses: statuses.length ? statuses : undefined, limit: q.limit, cursor });
  const paged = page(rows, q.limit, (p) => ({ at: p.createdAt, id: p.id }));
  return { full, nextCursor: paged.nextCursor, items: paged.items.map((pledge) => ({ pledge, can: full ? pledgeAbilities(actor as PledgeActor, pledge, rel) : null })) };
}

export type SupporterEntry = {
  pledgeId: string;
  /** Null when the supporter chose not to be named or deleted their account: "a neighbour". */
  person: { handle: string; displayName: string } | null;
  organisation: { slug: string; name: string } | null;
  onHonour: boolean;
  needTitle: string;
  unit: NeedUnit;
  quantity: number;
  status: PledgeStatus;
};

/**
 * Who supports a project, for its page: accepted and fulfilled pledges. People are named as they
 * chose (the project team always sees names); organisations pledging on their honour are named.
 */
export async function supportersFor(deps: Pick<Deps, 'db'>, projectId: string, viewer: Pick<Actor, 'id'> | null): Promise<SupporterEntry[]> {
  const rows = await pledgesRepository.listByProject(deps.db, projectId, ['accepted', 'fulfilled']);
  const team = viewer ? await pledgesRepository.isTeam(deps.db, projectId, viewer.id) : false;
  return rows.map((p) => ({
    pledgeId: p.id,
    person: p.showName || team || (viewer !== null && p.supporterId === viewer.id) ? supporterName(p) : null,
    organisation: p.organisation ? { slug: p.organisation.slug, name: p.organisation.name } : null,
    onHonour: p.onHonour,
    needTitle: p.need.title,
    unit: p.need.unit,
    quantity: p.quantity,
    status: p.status,
  }));
}
