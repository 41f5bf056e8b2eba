import { describe, expect, it } from 'vitest';
import { presentHit, shorten } from './search.presenter.js';
import { decodePosition, encodePosition } from './search.service.js';

describe('search hits', () => {
  it('link each type to its page and keep summaries short, cut on a word', () => {
    const base = { id: 'x1', title: 'T', summary: 'mot '.repeat(100), language: 'fr' as const, cursorAt: '2026-12-01T00:00:00.000000Z' };
    expect(presentHit({ ...base, type: 'organisation', key: 'fabrique' }).url).toBe('/organisations/fabrique');
    expect(presentHit({ ...base, type: 'person', key: 'lea-2' }).url).toBe('/membres/lea-2');
    const hit = presentHit({ ...base, type: 'offer', key: 'x1' });
    expect(hit.url).toBe('/offres/x1');
    expect(hit.summary.length).toBeLessThanOrEqual(240);
    expect(hit.summary.endsWith('mot…')).toBe(true);
    expect(shorten('  deux\n\nlignes ')).toBe('deux lignes');
  });

  it('round-trip cursors and refuse forged ones', () => {
    const p = { type: 'offer' as const, at: '2026-12-01T10:00:00.123456Z', id: 'abc' };
    expect(decodePosition(encodePosition(p))).toEqual(p);
    expect(decodePosition(undefined)).toBeUndefined();
    expect(() => decodePosition(Buffer.from(JSON.stringify({ t: 'users', at: p.at, id: 'x' })).toString('base64url'))).toThrow();
    expect(() => decodePosition('%%%')).toThrow();
  });
});
