import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { ReportTargetDefinition } from '../../platform/report-targets.js';
import { viewableProject } from './projects.access.js';
import { projectsReportTargetsRepository as repo } from './projects.report-targets.repository.js';

/** Whether this person can see the project (and so what is posted under it), moderation's hiding aside. */
export async function seesProject(deps: Pick<Deps, 'db'>, actor: Actor, projectId: string | null): Promise<boolean> {
  try {
    await viewableProject(deps, actor, projectId ?? '');
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === 'PROJECT_NOT_FOUND') return false;
    throw err;
  }
}

/** A project and one of its updates can be reported (ADR 0011). */
export const projectsReportTargets: readonly ReportTargetDefinition[] = [
  {
    type: 'project', table: 'projects', effect: 'hide', quote: 'title',
    find: repo.project,
    recordsUnder: { activities: 'project_id', notifications: 'projectId' },
    visibleTo: (deps, actor, target) => seesProject(deps, actor, target.projectId),
    url: (t) => `/projets/${t.id}`,
  },
  {
    type: 'update', table: 'project_updates', effect: 'hide', quote: 'title',
    find: repo.update,
    visibleTo: (deps, actor, target) => seesProject(deps, actor, target.projectId),
    url: (t) => `/projets/${t.projectId}#nouvelle-${t.id}`,
  },
];
