import type { Db } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { audit } from '../../platform/audit.js';
import { territoriesRepository } from '../territories/territories.repository.js';
import { territoryName } from '../territories/territories.presenter.js';
import { canCreateProject, canTransition, transitionNeedsNote } from './projects.policy.js';
import { projectsRepository } from './projects.repository.js';
import { projectContentRepository } from './projects.content.repository.js';
import { presentProject, type ProjectView } from './projects.presenter.js';
import { editableProject, viewableProject } from './projects.access.js';
import { activitiesRepository } from '../social/activities.repository.js';
import type { TCreateProjectBody, TTransitionBody, TUpdateProjectBody } from './projects.schemas.js';
import { accessRepository } from '../access/access.repository.js';

/** A project lives in a pilot or open neighbourhood; its sponsoring caisse, if any, serves it. */
async function resolvePlace(db: Db, territorySlug: string, caisseSlug: string | null): Promise<{ territoryId: string; caisseId: string | null }> {
  const territory = await territoriesRepository.findBySlug(db, territorySlug);
  if (!territory || territory.kind !== 'neighbourhood' || (territory.rolloutState !== 'pilot' && territory.rolloutState !== 'open')) {
    throw validationError({ territory: { key: 'projects.validation.territory' } });
  }
  if (!caisseSlug) return { territoryId: territory.id, caisseId: null };
  const serving = await accessRepository.servingCaisses(db, territory.id);
  const caisse = serving.find((c) => c.slug === caisseSlug);
  if (!caisse) throw validationError({ caisse: { key: 'projects.validation.caisse' } });
  return { territoryId: territory.id, caisseId: caisse.id };
}

/** Any signed-in person with a verified e-mail starts a draft; they become its promoter. */
export async function createProject(deps: Deps, actor: Actor | null, input: TCreateProjectBody): Promise<string> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!canCreateProject(actor)) throw new AppError('EMAIL_NOT_VERIFIED');
  const place = await resolvePlace(deps.db, input.territory, input.caisse);
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await projectsRepository.insert(tx, {
      id, promoterId: actor.id, title: input.title, summary: input.summary, description: input.description, category: input.category, language: input.language, status: 'draft', ...place,
    });
    await projectsRepository.addTeamMember(tx, id, actor.id, 'promoter');
    await audit(tx, { actorId: actor.id, action: 'project.create', subjectType: 'project', subjectId: id });
  });
  return id;
}

/** The project as the API and pages show it (the actor must be allowed to see it). */
export async function getProject(deps: Deps, actor: Actor | null, id: string, locale: Locale): Promise<ProjectView> {
  await viewableProject(deps, actor, id);
  return loadView(deps, id, locale);
}

export async function loadView(deps: Deps, id: string, locale: Locale): Promise<ProjectView> {
  const [row, team, images] = await Promise.all([projectsRepository.details(deps.db, id), projectsRepository.team(deps.db, id), projectContentRepository.images(deps.db, id)]);
  if (!row) throw new AppError('PROJECT_NOT_FOUND');
  return presentProject(row, team, images, locale);
}

export async function updateProject(deps: Deps, actor: Actor | null, id: string, patch: TUpdateProjectBody, locale: Locale): Promise<ProjectView> {
  const { project, actor: editor } = await editableProject(deps, actor, id);
  const { territory, caisse, ...fields } = patch;
  const placeChanged = territory !== undefined || caisse !== undefined;
  const current = placeChanged ? await projectsRepository.details(deps.db, id) : undefined;
  const place = current ? await resolvePlace(deps.db, territory ?? current.territory.slug, caisse === undefined ? (current.caisse?.slug ?? null) : caisse) : {};
  await deps.db.transaction(async (tx) => {
    await projectsRepository.update(tx, project.id, { ...fields, ...place });
    await audit(tx, { actorId: editor.id, action: 'project.update', subjectType: 'project', subjectId: id, data: { fields: Object.keys(patch) } });
  });
  return loadView(deps, id, locale);
}

/**
 * Moves a project through its status machine (one policy decides), inside a transaction that holds
 * the row: the move, its history line and the audit entry commit together.
 */
export async function transitionProject(deps: Deps, actor: Actor | null, id: string, input: TTransitionBody): Promise<void> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  await deps.db.transaction(async (tx) => {
    const { project, ctx } = await viewableProject(deps, actor, id, { db: tx, lock: true });
    const from = project.status;
    if (!canTransition(actor, project, input.to, ctx)) throw new AppError('TRANSITION_NOT_ALLOWED', { from, to: input.to });
    if (transitionNeedsNote(from, input.to) && !input.note) throw validationError({ note: { key: 'projects.transition.noteRequired' } });
    const moved = await projectsRepository.moveStatus(tx, id, from, input.to, input.to === 'published' ? new Date() : null);
    if (!moved) throw new AppError('TRANSITION_NOT_ALLOWED', { from, to: input.to });
    await projectsRepository.insertTransition(tx, { projectId: id, actorId: actor.id, fromStatus: from, toStatus: input.to, note: input.note });
    await audit(tx, { actorId: actor.id, action: 'project.transition', subjectType: 'project', subjectId: id, data: { from, to: input.to } });
    if (input.to === 'published') await activitiesRepository.record(tx, { kind: 'project_published', actorId: project.promoterId, subjectType: 'project', subjectId: id, projectId: id, territoryId: project.territoryId, organisationId: project.organisationId, data: { projectTitle: project.title } });
  });
}

export type PlaceOption = { slug: string; name: string; caisses: { slug: string; name: string }[] };

/** Neighbourhoods a project may live in (pilot or open), each with the caisses serving it. */
export async function projectPlaceOptions(deps: Deps, locale: Locale): Promise<PlaceOption[]> {
  const [rows, links] = await Promise.all([
    territoriesRepository.listWithParent(deps.db, { kind: 'neighbourhood', states: ['pilot', 'open'] }),
    territoriesRepository.caissesByTerritory(deps.db),
  ]);
  return rows.map((r) => ({
    slug: r.slug,
    name: territoryName(r, locale),
    caisses: links.filter((l) => l.territoryId === r.id).map((l) => ({ slug: l.slug, name: l.name })),
  }));
}
