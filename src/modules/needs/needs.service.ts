import { newId } from '../../db/ids.js';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { audit } from '../../platform/audit.js';
import { AppError, validationError } from '../../platform/errors.js';
import { editableProject, viewableProject } from '../projects/projects.access.js';
import { needsRepository, type NeedRow, type NeedWithSums } from './needs.repository.js';
import { needProgress, type NeedProgress } from './needs.status.js';
import { kindIssues, normaliseKindFields, type TCreateNeedBody, type TUpdateNeedBody } from './needs.schemas.js';

export type NeedWithProgress = NeedRow & { progress: NeedProgress };

const withProgress = (n: NeedWithSums): NeedWithProgress => {
  const { accepted, proposed, ...need } = n;
  return { ...need, progress: needProgress(need, { accepted, proposed }) };
};

/**
 * A project's needs with their derived status and progress, in one query. Used by the project page
 * and by pledges; pass `{ db: tx }` to read inside a transaction.
 */
export async function needsWithProgress(deps: Pick<Deps, 'db'>, projectId: string): Promise<NeedWithProgress[]> {
  return (await needsRepository.withSums(deps.db, { projectIds: [projectId] })).map(withProgress);
}

/** Needs of several projects at once (the card grid), by project id. */
export async function needsWithProgressByProject(deps: Pick<Deps, 'db'>, projectIds: string[]): Promise<Map<string, NeedWithProgress[]>> {
  const byProject = new Map<string, NeedWithProgress[]>();
  for (const row of await needsRepository.withSums(deps.db, { projectIds })) {
    const list = byProject.get(row.projectId) ?? [];
    list.push(withProgress(row));
    byProject.set(row.projectId, list);
  }
  return byProject;
}

/** One need with its progress, without access checks (callers check the project). */
export async function needWithProgress(deps: Pick<Deps, 'db'>, needId: string): Promise<NeedWithProgress | undefined> {
  const [row] = await needsRepository.withSums(deps.db, { needId });
  return row ? withProgress(row) : undefined;
}

export async function listProjectNeeds(deps: Deps, actor: Actor | null, projectId: string): Promise<NeedWithProgress[]> {
  await viewableProject(deps, actor, projectId);
  return needsWithProgress(deps, projectId);
}

/** A need whose project this actor may see; anything else is NEED_NOT_FOUND. */
export async function getNeed(deps: Deps, actor: Actor | null, needId: string): Promise<NeedWithProgress> {
  const need = await needWithProgress(deps, needId);
  if (!need) throw new AppError('NEED_NOT_FOUND');
  try {
    await viewableProject(deps, actor, need.projectId);
  } catch (err) {
    if (err instanceof AppError && err.code === 'PROJECT_NOT_FOUND') throw new AppError('NEED_NOT_FOUND');
    throw err;
  }
  return need;
}

export async function createNeed(deps: Deps, actor: Actor | null, projectId: string, input: TCreateNeedBody): Promise<NeedWithProgress> {
  const { actor: editor } = await editableProject(deps, actor, projectId);
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const position = await needsRepository.nextPosition(tx, projectId);
    await needsRepository.insert(tx, {
      id, projectId, kind: input.kind, title: input.title, description: input.description, skills: input.skills, deadline: input.deadline ?? null, position, ...normaliseKindFields(input.kind, input),
    });
    await audit(tx, { actorId: editor.id, action: 'need.create', subjectType: 'need', subjectId: id, data: { projectId } });
  });
  return (await needWithProgress(deps, id))!;
}

/** Edits a need (its kind stays), closes or reopens it. A closed need must be reopened before it is edited. */
export async function updateNeed(deps: Deps, actor: Actor | null, needId: string, patch: TUpdateNeedBody): Promise<NeedWithProgress> {
  const need = await getNeed(deps, actor, needId);
  const { actor: editor } = await editableProject(deps, actor, need.projectId);
  const { closed, ...fields } = patch;
  const editing = Object.keys(fields).length > 0;
  if (need.closedAt && editing && closed !== false) throw new AppError('NEED_CLOSED');
  const merged = { ...need, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) } as NeedRow;
  const issues = kindIssues(need.kind, merged);
  if (issues.length) throw validationError(Object.fromEntries(issues.map((i) => [i.path, { key: i.message, ...(i.params ? { params: i.params } : {}) }])));
  const closedAt = closed === undefined ? need.closedAt : closed ? (need.closedAt ?? new Date()) : null;
  await deps.db.transaction(async (tx) => {
    await needsRepository.update(tx, needId, {
      title: merged.title, description: merged.description, skills: merged.skills, deadline: merged.deadline, closedAt, ...normaliseKindFields(need.kind, merged),
    });
    await audit(tx, { actorId: editor.id, action: closed === true && !need.closedAt ? 'need.close' : 'need.update', subjectType: 'need', subjectId: needId });
  });
  return (await needWithProgress(deps, needId))!;
}
