import { validationError } from '../../platform/errors.js';
import type { Keyset } from './admin.logs.repository.js';

/** Opaque cursors for keyset pagination: base64url of the last row's exact time and id. */
export function encodeCursor(position: Keyset): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,6}Z$/;

export function decodeCursor(cursor: string | undefined, field = 'cursor'): Keyset | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [at, id] = value as unknown[];
      if (typeof at === 'string' && ISO_MICROS.test(at) && typeof id === 'string' && id.length > 0 && id.length <= 40) return { at, id };
    }
  } catch {
    // fall through to the validation error
  }
  throw validationError({ [field]: { key: 'validation.invalid' } });
}

/** Takes `limit + 1` rows and turns them into a page and the cursor of the next one. */
export function toPage<R extends { at: string; id: string }>(rows: R[], limit: number): { rows: R[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1]!;
  return { rows: page, nextCursor: encodeCursor({ at: last.at, id: last.id }) };
}
