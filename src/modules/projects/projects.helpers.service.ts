import type { Db } from '../../db/client.js';
import type { Deps } from '../../platform/deps.js';
import { notificationsRepository } from '../notifications/notifications.repository.js';
import { HELPERS_SHOWN, projectHelpersRepository, WANTS_TO_HELP_KIND } from './projects.helpers.repository.js';

/** Where "I want to help" leads: the project's needs, with a word of thanks (`?aide=1`). */
export const helpLandingPath = (projectId: string) => `/projets/${projectId}?aide=1#besoins`;
/** The team's list of people who want to help, on the project page. */
export const helpersAnchor = 'veulent-aider';

export type Helper = { handle: string; displayName: string; since: string };
export type ProjectHelpers = { count: number; people: Helper[] };

/**
 * Someone just pressed "I want to help" on a project (a new reaction row, in the caller's
 * transaction): each team member gets an in-app notification naming them, once per person.
 */
export async function tellTeamSomeoneWantsToHelp(tx: Db, projectId: string, helper: { id: string; handle: string; displayName: string }): Promise<void> {
  const project = await projectHelpersRepository.project(tx, projectId);
  if (!project) return;
  for (const userId of await projectHelpersRepository.teamIdsBut(tx, projectId, helper.id)) {
    if (await projectHelpersRepository.alreadyTold(tx, userId, projectId, helper.id)) continue;
    await notificationsRepository.insert(tx, {
      userId,
      kind: WANTS_TO_HELP_KIND,
      data: { projectId, subjectTitle: project.title, actorName: helper.displayName, actorHandle: helper.handle, helperId: helper.id },
      url: `/projets/${projectId}#${helpersAnchor}`,
      subjectType: 'project',
      subjectId: projectId,
    });
  }
}

/** Who wants to help this project (for its team only: the caller checks). */
export async function projectHelpers(deps: Pick<Deps, 'db'>, projectId: string): Promise<ProjectHelpers> {
  const [count, rows] = await Promise.all([projectHelpersRepository.count(deps.db, projectId), projectHelpersRepository.list(deps.db, projectId, HELPERS_SHOWN)]);
  return { count, people: rows.map((r) => ({ handle: r.handle, displayName: r.displayName, since: r.since.toISOString() })) };
}
