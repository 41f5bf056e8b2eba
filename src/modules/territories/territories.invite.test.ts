import { describe, expect, it } from 'vitest';
import { inviteMail, inviteUrl, verifyInvite } from './territories.invite.js';
import { montrealMidnight } from './territories.schemas.js';
import { buildRolloutMap } from './territories.map.js';
import type { TerritoryWithParent } from './territories.repository.js';

const secret = 'test-secret-0123456789-0123456789-abcdef';

describe('signed invitation links', () => {
  const now = Date.UTC(2026, 11, 1);
  const url = new URL(inviteUrl('https://ec.example', secret, { id: 'w1', slug: 'rosemont' }, now));
  const q = Object.fromEntries(url.searchParams) as { w: string; e: string; s: string };

  it('points at the territory and verifies', () => {
    expect(url.pathname).toBe('/territoires/rosemont/invitation');
    expect(verifyInvite(secret, 'rosemont', q, now)).toBe(true);
  });

  it('refuses another territory, another secret, a changed id, a changed expiry, expiry, missing parts', () => {
    expect(verifyInvite(secret, 'villeray', q, now)).toBe(false);
    expect(verifyInvite(`${secret}x`, 'rosemont', q, now)).toBe(false);
    expect(verifyInvite(secret, 'rosemont', { ...q, w: 'w2' }, now)).toBe(false);
    expect(verifyInvite(secret, 'rosemont', { ...q, e: String(Number(q.e) + 1) }, now)).toBe(false);
    expect(verifyInvite(secret, 'rosemont', q, now + 61 * 86_400_000)).toBe(false);
    expect(verifyInvite(secret, 'rosemont', { w: q.w, e: q.e }, now)).toBe(false);
  });
});

describe('invitation mail', () => {
  const invite = { id: 'w1', email: 'a@example.org', locale: 'en', territoryId: 't', slug: 'rosemont', kind: 'neighbourhood', nameFr: 'Rosemont (fr)', nameEn: 'Rosemont (en)' };
  it('is written in the locale the person joined with', () => {
    const en = inviteMail(invite, 'https://x/y');
    expect(en.subject).toContain('Rosemont (en)');
    expect(en.subject).toMatch(/is now open/);
    expect(en.text).toContain('https://x/y');
    const fr = inviteMail({ ...invite, locale: 'fr' }, 'https://x/y');
    expect(fr.subject).toContain('Rosemont (fr)');
    expect(fr.subject).toMatch(/est maintenant ouvert/);
  });
});

describe('montrealMidnight', () => {
  it('is 05:00 UTC in winter and 04:00 UTC in summer', () => {
    expect(montrealMidnight('2027-01-15').toISOString()).toBe('2027-01-15T05:00:00.000Z');
    expect(montrealMidnight('2027-07-01').toISOString()).toBe('2027-07-01T04:00:00.000Z');
  });
});

describe('buildRolloutMap', () => {
  const row = (slug: string, state: TerritoryWithParent['rolloutState'], boundary: unknown): TerritoryWithParent => ({
    id: slug, slug, parentId: null, parentSlug: null, kind: 'neighbourhood', nameFr: `${slug} fr`, nameEn: `${slug} en`, descriptionFr: '', descriptionEn: '',
    rolloutState: state, position: 0, boundary, createdAt: new Date(), updatedAt: new Date(),
  });
  const poly = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 45], [x + 1, 45], [x + 1, 46], [x, 45]]] });

  it('projects every territory with a valid boundary together and keeps the others for the table', () => {
    const map = buildRolloutMap([row('a', 'pilot', poly(-74)), row('b', 'waitlist', poly(-73)), row('c', 'planned', null), row('d', 'open', { type: 'Nope' })], [
      { territoryId: 'b', since: new Date('2026-10-15T04:00:00Z'), nextState: 'pilot', nextAt: new Date('2027-03-01T05:00:00Z') },
    ], 'en', 400);
    expect(map.width).toBe(400);
    expect(map.height).toBeGreaterThan(0);
    expect(map.territories.map((t) => [t.slug, t.name, t.shape !== null])).toEqual([['a', 'a en', true], ['b', 'b en', true], ['c', 'c en', false], ['d', 'd en', false]]);
    expect(map.territories[1]!.next).toEqual({ state: 'pilot', at: new Date('2027-03-01T05:00:00Z') });
    expect(map.territories[1]!.since).toEqual(new Date('2026-10-15T04:00:00Z'));
    // a starts at the left edge, b ends at the right edge.
    expect(map.territories[0]!.shape!.path.startsWith('M8,')).toBe(true);
    expect(map.territories[1]!.shape!.path).toContain('392,');
  });
});
