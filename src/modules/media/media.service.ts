import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError } from '../../platform/errors.js';
import { usersRepository } from '../auth/users.repository.js';
import { toProfilePhoto } from './media.images.js';
import { localMediaStore, MEDIA_KEY, newMediaKey, type MediaStore } from './media.storage.js';

export function mediaStore(deps: Pick<Deps, 'config'>): MediaStore {
  return localMediaStore(deps.config.dataDir);
}

/** Where private files live (call application documents, ADR 0024); never served by `/media`. */
export function privateMediaStore(deps: Pick<Deps, 'config'>): MediaStore {
  return localMediaStore(deps.config.dataDir, 'private');
}

async function currentUser(deps: Deps, actor: Actor) {
  const user = await usersRepository.findById(deps.db, actor.id);
  if (!user || user.deletedAt) throw new AppError('UNAUTHENTICATED');
  return user;
}

/** Sets (or replaces) one's profile photo; the previous file is deleted once the new one is saved. */
export async function setProfilePhoto(deps: Deps, actor: Actor, upload: Buffer): Promise<string> {
  const user = await currentUser(deps, actor);
  const photo = await toProfilePhoto(upload);
  const store = mediaStore(deps);
  const key = newMediaKey();
  await store.put(key, photo);
  try {
    await usersRepository.update(deps.db, user.id, { photoKey: key });
  } catch (err) {
    await store.remove(key);
    throw err;
  }
  if (user.photoKey && MEDIA_KEY.test(user.photoKey)) await store.remove(user.photoKey);
  return key;
}

export async function removeProfilePhoto(deps: Deps, actor: Actor): Promise<void> {
  const user = await currentUser(deps, actor);
  if (!user.photoKey) return;
  await usersRepository.update(deps.db, user.id, { photoKey: null });
  if (MEDIA_KEY.test(user.photoKey)) await mediaStore(deps).remove(user.photoKey);
}

/** A stored medium by key; anything that is not a well-formed, existing key is "not found". */
export async function readMedia(deps: Deps, key: string): Promise<Buffer> {
  if (!MEDIA_KEY.test(key)) throw new AppError('NOT_FOUND');
  const data = await mediaStore(deps).get(key);
  if (!data) throw new AppError('NOT_FOUND');
  return data;
}
