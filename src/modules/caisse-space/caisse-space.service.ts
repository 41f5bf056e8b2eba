import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { actsForCaisse } from '../access/access.scope.js';
import { accessRepository } from '../access/access.repository.js';
import { findCaisseBySlug } from '../caisses/caisses.service.js';
import { transitionProject } from '../projects/projects.service.js';
import { projectsRepository } from '../projects/projects.repository.js';
import { impactFor, type ImpactSums } from '../impact/impact.service.js';
import { dashboard as delegatesDashboard, listDelegates } from '../delegates/delegates.service.js';
import { caisseCallCounts } from '../calls/calls.service.js';
import type { DelegateView } from '../delegates/delegates.presenter.js';
import { caisseSpaceRepository as repo } from './caisse-space.repository.js';
import {
  presentNeed, presentPartner, presentPerson, presentPledge, presentProject, presentReportCount,
  type NeedLineView, type PartnerLineView, type PersonLineView, type PledgeLineView, type ProjectLineView,
} from './caisse-space.presenter.js';
import type { TProjectDecisionBody } from './caisse-space.schemas.js';
import { pendingAmountsIn } from '../crowdfunding/crowdfunding.service.js';
import type { PendingSnapshotView } from '../crowdfunding/crowdfunding.presenter.js';

/** A pledge unanswered this long shows in the staff space. */
export const UNANSWERED_DAYS = 7;
const LIST = 25;

export type CaisseSpace = {
  caisse: { id: string; slug: string; name: string };
  approvals: ProjectLineView[];
  unansweredPledges: PledgeLineView[];
  unmatchedNeeds: NeedLineView[];
  delegates: { current: DelegateView[]; pending: number; registrationOpen: boolean };
  partners: PartnerLineView[];
  impact: ImpactSums;
  reports: { territory: { slug: string; name: string }; open: number }[];
  /** Crowdfunding amounts reported by projects of its territories, waiting for staff to confirm them. */
  pendingAmounts: PendingSnapshotView[];
  /** Its calls for projects by state (calls module). */
  calls: Awaited<ReturnType<typeof caisseCallCounts>>;
};

/** The caisse, if this actor works in its staff space (its staff, or a platform admin); else FORBIDDEN. */
async function staffCaisse(deps: Deps, actor: Actor | null, slug: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const caisse = await findCaisseBySlug(deps, slug);
  if (!actsForCaisse(actor, caisse.id)) throw new AppError('FORBIDDEN');
  return { caisse, actor };
}

/** Everything the staff space shows, bounded to this caisse and the territories it serves. */
export async function caisseSpace(deps: Deps, actor: Actor | null, slug: string, locale: Locale, now = new Date()): Promise<CaisseSpace> {
  const { caisse } = await staffCaisse(deps, actor, slug);
  const territoryIds = await accessRepository.territoryIdsOf(deps.db, [caisse.id]);
  const before = new Date(now.getTime() - UNANSWERED_DAYS * 86_400_000);
  const [approvals, pledges, needs, partners, impact, reports, delegates, registration] = await Promise.all([
    repo.submittedProjects(deps.db, territoryIds, LIST),
    repo.unansweredPledges(deps.db, territoryIds, before, LIST),
    repo.unmatchedNeeds(deps.db, territoryIds, LIST),
    repo.activePartners(deps.db, caisse.id, 100),
    impactFor(deps, { caisseId: caisse.id }),
    repo.openReports(deps.db, territoryIds),
    listDelegates(deps, caisse.id, locale),
    delegatesDashboard(deps, actor, slug, locale),
  ]);
  const [pendingAmounts, calls] = await Promise.all([pendingAmountsIn(deps, territoryIds, LIST), caisseCallCounts(deps, caisse.id)]);
  return {
    caisse: { id: caisse.id, slug: caisse.slug, name: caisse.name },
    approvals: approvals.map((p) => presentProject(p, locale)),
    unansweredPledges: pledges.map((p) => presentPledge(p, locale)),
    unmatchedNeeds: needs.map((n) => presentNeed(n, locale)),
    delegates: { current: delegates, pending: registration.totals.pending, registrationOpen: registration.campaign?.open ?? false },
    partners: partners.map(presentPartner),
    impact,
    reports: reports.map((r) => presentReportCount(r, locale)),
    pendingAmounts,
    calls,
  };
}

/**
 * Staff approve a submitted project of their territories, or send it back with a message: the
 * project's own transition service does the move (its policy, history line and audit entry).
 * A project outside this caisse's territories is PROJECT_NOT_FOUND here, whatever the actor's other roles.
 */
export async function decideProject(deps: Deps, actor: Actor | null, slug: string, projectId: string, input: TProjectDecisionBody): Promise<void> {
  const { caisse, actor: staff } = await staffCaisse(deps, actor, slug);
  const project = await projectsRepository.findById(deps.db, projectId);
  const territoryIds = await accessRepository.territoryIdsOf(deps.db, [caisse.id]);
  if (!project || !territoryIds.includes(project.territoryId)) throw new AppError('PROJECT_NOT_FOUND');
  await transitionProject(deps, staff, projectId, { to: input.decision === 'approve' ? 'published' : 'draft', note: input.note });
}

export type CaissePublicSections = { staff: PersonLineView[]; sponsored: ProjectLineView[]; partners: PartnerLineView[]; delegates: DelegateView[] };

/** What the public caisse page adds: staff contacts, sponsored projects, partners and delegates. */
export async function caissePublicSections(deps: Deps, caisseId: string, locale: Locale): Promise<CaissePublicSections> {
  const [staff, sponsored, partners, delegates] = await Promise.all([
    repo.staffOf(deps.db, caisseId),
    repo.sponsoredProjects(deps.db, caisseId, 12),
    repo.activePartners(deps.db, caisseId, 50),
    listDelegates(deps, caisseId, locale),
  ]);
  return { staff: staff.map(presentPerson), sponsored: sponsored.map((p) => presentProject(p, locale)), partners: partners.map(presentPartner), delegates };
}
