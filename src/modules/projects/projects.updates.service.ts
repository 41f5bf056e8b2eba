import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { projectContentRepository } from './projects.content.repository.js';
import { presentUpdate, type ProjectUpdateView } from './projects.presenter.js';
import { editableProject, viewableProject } from './projects.access.js';
import { activitiesRepository } from '../social/activities.repository.js';
import type { TUpdateBody } from './projects.schemas.js';
import { seesHiddenContent } from './projects.policy.js';

/** A project's news, newest first (whoever may see the project may read them). */
export async function listUpdates(deps: Deps, actor: Actor | null, projectId: string, query: { limit: number; cursor?: string | undefined }): Promise<{ items: ProjectUpdateView[]; nextCursor: string | null }> {
  const access = await viewableProject(deps, actor, projectId);
  const rows = await projectContentRepository.updates(deps.db, projectId, query.limit, decodeCursor(query.cursor), seesHiddenContent(actor, access.ctx));
  const result = page(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: result.items.map(presentUpdate), nextCursor: result.nextCursor };
}

/** The team posts news (a title and a Markdown body). */
export async function postUpdate(deps: Deps, actor: Actor | null, projectId: string, input: TUpdateBody): Promise<ProjectUpdateView> {
  const { actor: author, project } = await editableProject(deps, actor, projectId);
  const row = await deps.db.transaction(async (tx) => {
    const created = await projectContentRepository.insertUpdate(tx, { projectId, authorId: author.id, title: input.title, body: input.body });
    await activitiesRepository.record(tx, { kind: 'project_update', actorId: author.id, subjectType: 'update', subjectId: created.id, projectId, territoryId: project.territoryId, organisationId: project.organisationId, data: { projectTitle: project.title, title: input.title } });
    return created;
  });
  return presentUpdate({ ...row, authorHandle: author.handle, authorName: author.displayName });
}
