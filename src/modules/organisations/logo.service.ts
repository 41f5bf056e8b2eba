import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { toProfilePhoto } from '../media/media.images.js';
import { mediaStore } from '../media/media.service.js';
import { MEDIA_KEY, newMediaKey } from '../media/media.storage.js';
import { canEditOrganisation } from './organisations.policy.js';
import { organisationsRepository } from './organisations.repository.js';
import { findOrganisation, roleIn } from './organisations.service.js';

/**
 * Sets an organisation's logo through the media pipeline (sniffed, re-encoded as a square WebP,
 * metadata stripped); the previous file is removed once the new one is saved.
 */
export async function setOrganisationLogo(deps: Deps, actor: Actor | null, slug: string, upload: Buffer): Promise<void> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const org = await findOrganisation(deps, slug);
  if (!canEditOrganisation(actor, await roleIn(deps, org.id, actor))) throw new AppError('NOT_REPRESENTATIVE');
  const image = await toProfilePhoto(upload);
  const store = mediaStore(deps);
  const key = newMediaKey();
  await store.put(key, image);
  try {
    await organisationsRepository.update(deps.db, org.id, { logoKey: key });
  } catch (err) {
    await store.remove(key);
    throw err;
  }
  if (org.logoKey && MEDIA_KEY.test(org.logoKey)) await store.remove(org.logoKey);
}
