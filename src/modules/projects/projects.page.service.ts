import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { needsWithProgress } from '../needs/needs.service.js';
import { presentNeed } from '../needs/needs.presenter.js';
import { AppError } from '../../platform/errors.js';
import { approvalRequired, isPublicStatus, projectAbilities, seesHiddenContent } from './projects.policy.js';
import { viewableProject } from './projects.access.js';
import { loadView, projectPlaceOptions } from './projects.service.js';
import { projectContentRepository } from './projects.content.repository.js';
import { presentUpdate } from './projects.presenter.js';
import type { ProjectPageData } from './projects.page.views.js';
import { supportersFor } from '../pledges/pledges.queries.service.js';
import { impactFor } from '../impact/impact.service.js';
import { followState } from '../social/follows.service.js';
import { projectDiscussion } from '../social/comments.service.js';
import { projectHelpers } from './projects.helpers.service.js';
import { campaignPage } from '../crowdfunding/crowdfunding.service.js';
import { laureateCalls } from '../call-reviews/call-reviews.service.js';

const UPDATES_ON_PAGE = 20;

/** Everything the project page shows, for this actor (abilities computed here, never in the view). */
export async function projectPageData(deps: Deps, actor: Actor | null, id: string, locale: Locale, preview: boolean): Promise<Omit<ProjectPageData, 'notice' | 'updateForm'>> {
  const access = await viewableProject(deps, actor, id);
  const [project, needs, updates, supporters, impact, laureates] = await Promise.all([
    loadView(deps, id, locale),
    needsWithProgress(deps, id),
    projectContentRepository.updates(deps.db, id, UPDATES_ON_PAGE, undefined, seesHiddenContent(actor, access.ctx)),
    supportersFor(deps, id, actor),
    impactFor(deps, { projectId: id }),
    laureateCalls(deps, id),
  ]);
  const isPublic = isPublicStatus(access.project.status);
  const can = { ...projectAbilities(actor, access.project, access.ctx), help: isPublic && access.project.status !== 'completed' };
  const isTeam = access.ctx.teamRole !== null;
  const needViews = needs.map(presentNeed);
  return {
    project,
    helpers: isTeam && !preview ? await projectHelpers(deps, id) : undefined,
    needs: needViews,
    campaign: await campaignPage(deps, actor, id, needViews),
    updates: updates.slice(0, UPDATES_ON_PAGE).map(presentUpdate),
    supporters,
    impact,
    laureates,
    can,
    preview,
    isPublic,
    permalink: `${deps.config.publicUrl}${project.url}`,
    follow: isPublic && !preview && !access.project.hiddenAt ? await followState(deps, actor, 'project', id) : undefined,
    discussion: preview ? null : await projectDiscussion(deps, actor, id, updates.slice(0, UPDATES_ON_PAGE).map((u) => u.id)),
  };
}

/** What the edit page shows: the project, its needs, what this actor may do, the form's options. */
export async function projectEditData(deps: Deps, actor: Actor | null, id: string, locale: Locale) {
  const access = await viewableProject(deps, actor, id);
  const can = projectAbilities(actor, access.project, access.ctx);
  if (!can.edit && can.transitions.length === 0) throw new AppError(actor ? 'FORBIDDEN' : 'UNAUTHENTICATED');
  const [project, needs, places] = await Promise.all([loadView(deps, id, locale), needsWithProgress(deps, id), projectPlaceOptions(deps, locale)]);
  return { project, needs: needs.map(presentNeed), places, can, approvalRequired: approvalRequired(access.ctx), isTeam: access.ctx.teamRole !== null };
}
export type ProjectEditData = Awaited<ReturnType<typeof projectEditData>>;
