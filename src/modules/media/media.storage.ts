import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomToken } from '../../platform/crypto.js';

/** Stored media are named by a random key; nothing a client sends ever becomes a path. */
export const MEDIA_KEY = /^[A-Za-z0-9_-]{16,64}\.webp$/;

export function newMediaKey(): string {
  return `${randomToken(18)}.webp`;
}

/** Private files (application documents, ADR 0024): a random key with the kind's extension, kept apart from public media. */
const PRIVATE_MEDIA_KEY = /^[A-Za-z0-9_-]{16,64}\.(?:pdf|jpg|png|webp)$/;

export function newPrivateMediaKey(ext: 'pdf' | 'jpg' | 'png' | 'webp'): string {
  return `${randomToken(18)}.${ext}`;
}

/** Where media live. Local disk by default; an S3-compatible store can implement the same three calls. */
export type MediaStore = {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
  remove(key: string): Promise<void>;
  /** Keys of the stored files last written before `cutoff` (for sweeps of files no row names any more). */
  listOlderThan(cutoff: Date): Promise<string[]>;
};

/**
 * Public media live in `<dataDir>/uploads` (served by `/media/:key`); private files in
 * `<dataDir>/private`, which no public route reads (ADR 0024).
 */
export function localMediaStore(dataDir: string, kind: 'public' | 'private' = 'public'): MediaStore {
  const dir = path.resolve(dataDir, kind === 'public' ? 'uploads' : 'private');
  const pattern = kind === 'public' ? MEDIA_KEY : PRIVATE_MEDIA_KEY;
  const fileOf = (key: string) => {
    if (!pattern.test(key)) throw new Error('invalid media key');
    return path.join(dir, key);
  };
  return {
    async put(key, data) {
      await mkdir(dir, { recursive: true });
      await writeFile(fileOf(key), data, { flag: 'wx' });
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async remove(key) {
      await rm(fileOf(key), { force: true });
    },
    async listOlderThan(cutoff) {
      const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return [] as string[];
        throw err;
      });
      const old: string[] = [];
      for (const name of names) {
        if (!pattern.test(name)) continue;
        const info = await stat(path.join(dir, name)).catch(() => undefined);
        if (info?.isFile() && info.mtime.getTime() < cutoff.getTime()) old.push(name);
      }
      return old;
    },
  };
}
