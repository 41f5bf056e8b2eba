import type { Db } from '../../db/client.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { canEditProject, canViewProject, type ProjectPolicyContext } from './projects.policy.js';
import { projectsRepository } from './projects.repository.js';
import type { ProjectRow, ServingCaisse } from './projects.types.js';
import { accessRepository } from '../access/access.repository.js';

/** A project with what the policy needs to judge this actor on it. */
export type ProjectAccess = { project: ProjectRow; ctx: ProjectPolicyContext; serving: ServingCaisse[] };

async function contextFor(db: Db, actor: Actor | null, project: ProjectRow): Promise<ProjectAccess> {
  const teamRole = actor ? await projectsRepository.teamRole(db, project.id, actor.id) : null;
  const serving = await accessRepository.servingCaisses(db, project.territoryId);
  return { project, serving, ctx: { teamRole, servingCaisses: serving } };
}

/**
 * A project this actor may see. Anything else — unknown, or a draft they may not see — is the same
 * PROJECT_NOT_FOUND, so drafts cannot be discovered. Pass `lock` inside a transaction to hold the row.
 */
export async function viewableProject(deps: Pick<Deps, 'db'>, actor: Actor | null, id: string, opts: { db?: Db; lock?: boolean } = {}): Promise<ProjectAccess> {
  const db = opts.db ?? deps.db;
  const project = opts.lock ? await projectsRepository.lockById(db, id) : await projectsRepository.findById(db, id);
  if (!project) throw new AppError('PROJECT_NOT_FOUND');
  const access = await contextFor(db, actor, project);
  if (!canViewProject(actor, project, access.ctx)) throw new AppError('PROJECT_NOT_FOUND');
  return access;
}

/** A project this actor may edit (its team, admins); seeing it without editing rights is FORBIDDEN. */
export async function editableProject(deps: Pick<Deps, 'db'>, actor: Actor | null, id: string, opts: { db?: Db; lock?: boolean } = {}): Promise<ProjectAccess & { actor: Actor }> {
  const access = await viewableProject(deps, actor, id, opts);
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!canEditProject(actor, access.ctx)) throw new AppError('FORBIDDEN');
  return { ...access, actor };
}
