import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, encodeCursor, toPage } from './admin.keyset.js';

describe('keyset cursors', () => {
  it('round-trips a position with microseconds', () => {
    const position = { at: '2026-11-02T14:03:07.123456Z', id: 'abcDEF123_-x' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('treats a missing cursor as the first page', () => {
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor('')).toBeUndefined();
  });

  it.each(['not-base64!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('["yesterday","x"]').toString('base64url'), Buffer.from('["2026-11-02T14:03:07.1Z",""]').toString('base64url')])(
    'refuses a forged cursor %s as a validation error on the field',
    (cursor) => {
      try {
        decodeCursor(cursor, 'avant');
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).details.fields).toEqual({ avant: { key: 'validation.invalid' } });
      }
    },
  );

  it('gives a next cursor only when there is one more row than the page', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `id${n}`, at: `2026-01-0${n}T00:00:00.000000Z` }));
    expect(toPage(rows, 3)).toEqual({ rows, nextCursor: null });
    const page = toPage(rows, 2);
    expect(page.rows.map((r) => r.id)).toEqual(['id1', 'id2']);
    expect(decodeCursor(page.nextCursor!)).toEqual({ at: rows[1]!.at, id: 'id2' });
  });
});
