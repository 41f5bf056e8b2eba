import { z } from 'zod';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { audit } from '../../platform/audit.js';
import { parseInput } from '../../platform/validation.js';
import { mediaStore } from '../media/media.service.js';
import { projectsRepository } from './projects.repository.js';
import { projectContentRepository } from './projects.content.repository.js';
import type { ProjectImageRow } from './projects.types.js';
import { editableProject } from './projects.access.js';
import { isImageStorageKey, MAX_PROJECT_IMAGES, newImageStorageKey, toProjectImage, variantKey, variantWidths } from './projects.images.js';
import { coverOf, presentImage, type ProjectImageView } from './projects.presenter.js';
import { ZImageAlt } from './projects.schemas.js';

async function removeFiles(deps: Deps, image: Pick<ProjectImageRow, 'storageKey' | 'width'>): Promise<void> {
  if (!isImageStorageKey(image.storageKey)) return;
  const store = mediaStore(deps);
  await Promise.all(variantWidths(image.width).map((w) => store.remove(variantKey(image.storageKey, w))));
}

/**
 * Adds an image (alt text required) at the end of the gallery: at most ten per project, stored as
 * WebP in three widths under a random key. Files written before a refused insert are removed.
 */
export async function addProjectImage(deps: Deps, actor: Actor | null, projectId: string, upload: { data: Buffer | null; alt: unknown }): Promise<ProjectImageView> {
  const { actor: editor } = await editableProject(deps, actor, projectId);
  const { alt, file: data } = parseInput(z.object({ alt: ZImageAlt, file: z.instanceof(Buffer, { message: 'validation.required' }) }), { alt: upload.alt, file: upload.data });
  if ((await projectContentRepository.countImages(deps.db, projectId)) >= MAX_PROJECT_IMAGES) throw new AppError('IMAGE_LIMIT_REACHED', { max: MAX_PROJECT_IMAGES });
  const processed = await toProjectImage(data);
  const storageKey = newImageStorageKey();
  const store = mediaStore(deps);
  await Promise.all(processed.variants.map((v) => store.put(variantKey(storageKey, v.width), v.data)));
  try {
    const row = await deps.db.transaction(async (tx) => {
      await projectsRepository.lockById(tx, projectId);
      const count = await projectContentRepository.countImages(tx, projectId);
      if (count >= MAX_PROJECT_IMAGES) throw new AppError('IMAGE_LIMIT_REACHED', { max: MAX_PROJECT_IMAGES });
      const created = await projectContentRepository.insertImage(tx, { projectId, storageKey, alt, width: processed.width, height: processed.height, position: count });
      await audit(tx, { actorId: editor.id, action: 'project.image.add', subjectType: 'project', subjectId: projectId, data: { imageId: created.id } });
      return created;
    });
    const project = await projectsRepository.findById(deps.db, projectId);
    return presentImage(row, coverOf(await projectContentRepository.images(deps.db, projectId), project?.coverImageId ?? null));
  } catch (err) {
    await removeFiles(deps, { storageKey, width: processed.width });
    throw err;
  }
}

async function imageOf(deps: Deps, actor: Actor | null, projectId: string, imageId: string) {
  const access = await editableProject(deps, actor, projectId);
  const image = await projectContentRepository.findImage(deps.db, projectId, imageId);
  if (!image) throw new AppError('NOT_FOUND');
  return { ...access, image };
}

/** Deletes an image and its files; if it was the cover, the first remaining image becomes the cover. */
export async function deleteProjectImage(deps: Deps, actor: Actor | null, projectId: string, imageId: string): Promise<void> {
  const { project, image, actor: editor } = await imageOf(deps, actor, projectId, imageId);
  await deps.db.transaction(async (tx) => {
    await projectContentRepository.deleteImage(tx, image.id);
    if (project.coverImageId === image.id) await projectsRepository.update(tx, projectId, { coverImageId: null });
    await audit(tx, { actorId: editor.id, action: 'project.image.delete', subjectType: 'project', subjectId: projectId, data: { imageId } });
  });
  await removeFiles(deps, image);
}

/** Changes an image's alt text, makes it the cover, or moves it to another place in the gallery. */
export async function updateProjectImage(deps: Deps, actor: Actor | null, projectId: string, imageId: string, patch: { alt?: string | undefined; cover?: true | undefined; position?: number | undefined }): Promise<ProjectImageView> {
  const { image } = await imageOf(deps, actor, projectId, imageId);
  await deps.db.transaction(async (tx) => {
    if (patch.alt !== undefined) await projectContentRepository.updateImage(tx, image.id, { alt: patch.alt });
    if (patch.cover) await projectsRepository.update(tx, projectId, { coverImageId: image.id });
    if (patch.position !== undefined) {
      const others = (await projectContentRepository.images(tx, projectId)).filter((i) => i.id !== image.id);
      others.splice(Math.min(patch.position, others.length), 0, image);
      for (const [position, i] of others.entries()) if (i.position !== position) await projectContentRepository.updateImage(tx, i.id, { position });
    }
  });
  const [project, images] = await Promise.all([projectsRepository.findById(deps.db, projectId), projectContentRepository.images(deps.db, projectId)]);
  const updated = images.find((i) => i.id === image.id)!;
  return presentImage(updated, coverOf(images, project?.coverImageId ?? null));
}
