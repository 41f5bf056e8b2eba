import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { audit } from '../../platform/audit.js';
import { usersRepository } from '../auth/users.repository.js';
import { canManageTeam } from './projects.policy.js';
import { projectsRepository } from './projects.repository.js';
import { editableProject } from './projects.access.js';

async function managedProject(deps: Deps, actor: Actor | null, id: string) {
  const access = await editableProject(deps, actor, id);
  if (!canManageTeam(access.actor, access.ctx)) throw new AppError('FORBIDDEN');
  return access;
}

/** The promoter adds a person to the team by their handle (adding someone twice changes nothing). */
export async function addTeamMember(deps: Deps, actor: Actor | null, id: string, handle: string): Promise<void> {
  const { actor: manager } = await managedProject(deps, actor, id);
  const user = await usersRepository.findByHandle(deps.db, handle.replace(/^@/, '').toLowerCase());
  if (!user || user.deletedAt || user.suspendedAt) throw validationError({ handle: { key: 'projects.team.unknownHandle' } });
  await deps.db.transaction(async (tx) => {
    await projectsRepository.addTeamMember(tx, id, user.id, 'member');
    await audit(tx, { actorId: manager.id, action: 'project.team.add', subjectType: 'project', subjectId: id, data: { userId: user.id } });
  });
}

/** The promoter removes a member; the promoter themself stays. */
export async function removeTeamMember(deps: Deps, actor: Actor | null, id: string, handle: string): Promise<void> {
  const { actor: manager } = await managedProject(deps, actor, id);
  const user = await usersRepository.findByHandle(deps.db, handle.toLowerCase());
  const role = user ? await projectsRepository.teamRole(deps.db, id, user.id) : null;
  if (!user || role === null) throw new AppError('PERSON_NOT_FOUND');
  if (role === 'promoter') throw new AppError('FORBIDDEN', { reason: 'promoter' });
  await deps.db.transaction(async (tx) => {
    await projectsRepository.removeTeamMember(tx, id, user.id);
    await audit(tx, { actorId: manager.id, action: 'project.team.remove', subjectType: 'project', subjectId: id, data: { userId: user.id } });
  });
}
