/**
 * The erasure log (quality.md, Law 25: "tombstone so a restore does not revive it"). Every deleted
 * account's id is appended, once its deletion has committed, to `DATA_DIR/erasures.log` — outside
 * the database, beside the media that every instance already shares — so that after a backup is
 * restored, the accounts deleted since that backup are erased again (`npm run cli -- restore`).
 * One JSON line per erasure: `{"userId":"…","erasedAt":"…"}`; nothing else about the person.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const FILE = 'erasures.log';

export async function appendErasure(dataDir: string, userId: string, at = new Date()): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  await appendFile(path.join(dataDir, FILE), `${JSON.stringify({ userId, erasedAt: at.toISOString() })}\n`, { flush: true });
}

/** The ids in the log (a missing log is an empty one; a torn last line is skipped). */
export async function readErasures(dataDir: string): Promise<string[]> {
  const text = await readFile(path.join(dataDir, FILE), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  const ids = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as { userId?: unknown };
      if (typeof entry.userId === 'string') ids.add(entry.userId);
    } catch {
      // A line cut by a crash mid-write: its deletion had committed, but the next restore cannot know the id.
    }
  }
  return [...ids];
}
