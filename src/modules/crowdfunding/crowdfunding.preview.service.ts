import type { Deps } from '../../platform/deps.js';
import { readPageMeta } from '../../platform/net/html-meta.js';
import { safeFetch } from '../../platform/net/safe-fetch.js';
import { localMediaStore } from '../media/media.storage.js';
import { newImageStorageKey, toProjectImage, variantKey, variantWidths } from '../projects/projects.images.js';
import { crowdfundingRepository as repo } from './crowdfunding.repository.js';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

export type StoredImage = { storageKey: string; width: number; height: number };

/** Stores an image through the media pipeline (magic bytes, pixel cap, re-encoded WebP variants): never hot-linked. */
export async function storePreviewImage(deps: Pick<Deps, 'config'>, data: Buffer): Promise<StoredImage> {
  const processed = await toProjectImage(data);
  const storageKey = newImageStorageKey();
  const store = localMediaStore(deps.config.dataDir);
  await Promise.all(processed.variants.map((v) => store.put(variantKey(storageKey, v.width), v.data)));
  return { storageKey, width: processed.width, height: processed.height };
}

async function removePreviewImage(deps: Pick<Deps, 'config'>, image: StoredImage): Promise<void> {
  const store = localMediaStore(deps.config.dataDir);
  await Promise.all(variantWidths(image.width).map((w) => store.remove(variantKey(image.storageKey, w))));
}

/**
 * Reads the campaign page's title and image through the SSRF-safe fetcher (ADR 0023) and stores the
 * image through the media pipeline. A failure keeps the previous preview and is marked `failed`.
 */
export async function refreshPreview(deps: Pick<Deps, 'db' | 'config' | 'log'>, campaignId: string): Promise<'ready' | 'failed'> {
  const campaign = await repo.findById(deps.db, campaignId);
  if (!campaign) return 'failed';
  const allowPrivate = deps.config.outboundAllowPrivate;
  try {
    const page = await safeFetch(campaign.url, { allowPrivate, accept: ['text/html'], overflow: 'truncate' });
    const meta = readPageMeta(page.body.toString('utf8'), page.url);
    let image: StoredImage | null = null;
    if (meta.imageUrl) {
      try {
        const fetched = await safeFetch(meta.imageUrl, { allowPrivate, accept: IMAGE_TYPES, overflow: 'error', maxBytes: IMAGE_MAX_BYTES });
        image = await storePreviewImage(deps, fetched.body);
      } catch (err) {
        deps.log.warn({ err, campaignId }, 'crowdfunding: preview image refused');
      }
    }
    await repo.setPreview(deps.db, campaignId, { status: 'ready', title: meta.title, ...(image ? { imageKey: image.storageKey, imageWidth: image.width, imageHeight: image.height } : {}) });
    if (image && campaign.previewImageKey && campaign.previewImageWidth) await removePreviewImage(deps, { storageKey: campaign.previewImageKey, width: campaign.previewImageWidth, height: campaign.previewImageHeight ?? 0 });
    return 'ready';
  } catch (err) {
    deps.log.warn({ err, campaignId }, 'crowdfunding: preview refused');
    await repo.setPreview(deps.db, campaignId, { status: 'failed' });
    return 'failed';
  }
}

/** The preview job: every campaign whose preview is pending (a new link, or a refresh asked by the team). */
export async function refreshPendingPreviews(deps: Pick<Deps, 'db' | 'config' | 'log'>): Promise<number> {
  const pending = await repo.pendingPreviews(deps.db, 20);
  for (const { id } of pending) await refreshPreview(deps, id);
  return pending.length;
}
