import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomToken } from '../../platform/crypto.js';

/** Stored media are named by a random key; nothing a client sends ever becomes a path. */
export const MEDIA_KEY = /^[A-Za-z0-9_-]{16,64}\.webp$/;

export function newMediaKey(): string {
  return `${randomToken(18)}.webp`;
}

/** Where media live. Local disk by default; an S3-compatible store can implement the same three calls. */
export type MediaStore = {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
  remove(key: string): Promise<void>;
};

export function localMediaStore(dataDir: string): MediaStore {
  const dir = path.resolve(dataDir, 'uploads');
  const fileOf = (key: string) => {
    if (!MEDIA_KEY.test(key)) throw new Error('invalid media key');
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
  };
}
