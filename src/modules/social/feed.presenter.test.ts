import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n/i18n.js';
import { activityUrl, presentFeedItem } from './feed.presenter.js';
import type { ActivityRow } from './feed.types.js';

const opened: ActivityRow = {
  id: 'a1', kind: 'call_opened', actor_id: null, actor_handle: null, actor_name: null, subject_type: 'call', subject_id: 'c1', project_id: null,
  territory_id: 't1', organisation_id: null, data: { title: 'Verdir nos ruelles', slug: 'verdir-nos-ruelles', caisseName: 'Caisse solidaire' },
  created_at: new Date('2026-12-01T12:00:00Z'), cursor_at: '2026-12-01T12:00:00.000000Z',
};

describe('a call that opened, in the feed', () => {
  it('leads to the call page by its slug (its id when an old row has none)', () => {
    expect(activityUrl(opened)).toBe('/appels/verdir-nos-ruelles');
    expect(activityUrl({ ...opened, data: {} })).toBe('/appels/c1');
  });

  it('names the call in the reader’s language, with its reason', () => {
    const why = { type: 'home' as const, name: 'Villeray', url: '/territoires/villeray' };
    expect(presentFeedItem([opened], why, translator('fr'))).toMatchObject({ text: 'Nouvel appel à projets : Verdir nos ruelles', url: '/appels/verdir-nos-ruelles', project: null, actors: [], why: { text: expect.stringContaining('Villeray') } });
    expect(presentFeedItem([opened], why, translator('en')).text).toBe('New call for projects: Verdir nos ruelles');
  });
});
