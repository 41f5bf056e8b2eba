import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { projectContentRepository } from './projects.content.repository.js';
import { presentUpdate, type ProjectUpdateView } from './projects.presenter.js';
import { editableProject, viewableProject } from './projects.access.js';
import type { TUpdateBody } from './projects.schemas.js';

/** A project's news, newest first (whoever may see the project may read them). */
export async function listUpdates(deps: Deps, actor: Actor | null, projectId: string, query: { limit: number; cursor?: string | undefined }): Promise<{ items: ProjectUpdateView[]; nextCursor: string | null }> {
  await viewableProject(deps, actor, projectId);
  const rows = await projectContentRepository.updates(deps.db, projectId, query.limit, decodeCursor(query.cursor));
  const result = page(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: result.items.map(presentUpdate), nextCursor: result.nextCursor };
}

/** The team posts news (a title and a Markdown body). */
export async function postUpdate(deps: Deps, actor: Actor | null, projectId: string, input: TUpdateBody): Promise<ProjectUpdateView> {
  const { actor: author } = await editableProject(deps, actor, projectId);
  const row = await projectContentRepository.insertUpdate(deps.db, { projectId, authorId: author.id, title: input.title, body: input.body });
  return presentUpdate({ ...row, authorHandle: author.handle, authorName: author.displayName });
}
