import { z } from 'zod';
import { AppError } from './errors.js';

/** `?limit=` (≤ 100) and `?cursor=`, the list convention of api.md. */
export const ZListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export type TListQuery = z.output<typeof ZListQuery>;

export type Cursor = { at: string; id: string };

/** Keyset cursors are opaque to clients: base64url of the last row's sort key and id. */
export function encodeCursor(at: Date | string, id: string): string {
  return Buffer.from(JSON.stringify({ at: typeof at === 'string' ? at : at.toISOString(), id })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof value.at === 'string' && typeof value.id === 'string' && !Number.isNaN(Date.parse(value.at))) return { at: value.at, id: value.id };
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION_FAILED', { fields: { cursor: { key: 'validation.invalid' } } });
}

/** Given limit+1 rows, returns the page and the cursor of the next one (or null). */
export function page<T>(rows: T[], limit: number, key: (row: T) => { at: Date | string; id: string }): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  const last = key(items[items.length - 1]!);
  return { items, nextCursor: encodeCursor(last.at, last.id) };
}
