import type { ReportTargetDefinition } from '../../platform/report-targets.js';
import { seesProject } from '../projects/projects.report-targets.js';
import { commentsReportTargetsRepository as repo } from './comments.report-targets.repository.js';

/** A comment can be reported by whoever sees its project (ADR 0011). */
export const commentsReportTargets: readonly ReportTargetDefinition[] = [
  {
    type: 'comment', table: 'comments', effect: 'hide', quote: 'excerpt',
    find: repo.comment,
    visibleTo: (deps, actor, target) => seesProject(deps, actor, target.projectId),
    url: (t) => `/projets/${t.projectId}#commentaire-${t.id}`,
  },
];
