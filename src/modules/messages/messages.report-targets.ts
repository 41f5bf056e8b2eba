import type { ReportTargetDefinition } from '../../platform/report-targets.js';
import { messagesReportTargetsRepository as repo } from './messages.report-targets.repository.js';

/** A private message can be reported by the other participants of its conversation (ADR 0011). */
export const messagesReportTargets: readonly ReportTargetDefinition[] = [
  {
    type: 'message', table: 'messages', effect: 'hide', quote: 'excerpt',
    find: repo.message,
    visibleTo: async (_deps, actor, target) => (target.participantIds ?? []).includes(actor.id),
    url: (t) => `/messages/${t.conversationId}#m-${t.id}`,
  },
];
