import { describe, expect, it } from 'vitest';
import { isHttpUrl, ZProfileForm, ZUpdateMeBody } from './me.schemas.js';

describe('isHttpUrl', () => {
  it('accepts absolute http and https addresses only', () => {
    for (const ok of ['https://example.org', 'http://example.org/a?b=c#d', 'HTTPS://EXAMPLE.ORG']) expect(isHttpUrl(ok), ok).toBe(true);
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>', 'vbscript:x', '//example.org', '/moi', 'ftp://example.org', 'https://', 'mailto:a@b.c', ' https://example.org']) {
      expect(isHttpUrl(bad), bad).toBe(false);
    }
  });
});

describe('ZUpdateMeBody', () => {
  it('drops duplicate tags regardless of case and trims them', () => {
    expect(ZUpdateMeBody.parse({ skills: [' Vélo ', 'vélo', 'soudure'] }).skills).toEqual(['Vélo', 'soudure']);
  });

  it('lower-cases a handle and refuses one with other characters', () => {
    expect(ZUpdateMeBody.parse({ handle: 'Marie-Eve' }).handle).toBe('marie-eve');
    expect(ZUpdateMeBody.safeParse({ handle: 'marie ève' }).success).toBe(false);
    expect(ZUpdateMeBody.safeParse({ handle: 'ab' }).success).toBe(false);
  });
});

describe('ZProfileForm', () => {
  const base = { displayName: 'Léa', handle: 'lea', locale: 'fr', 'privacy.photo': 'public', 'privacy.bio': 'public', 'privacy.skills': 'members', 'privacy.interests': 'private', 'privacy.territory': 'members', 'privacy.links': 'public' };

  it('turns the flat form into the API shape: lists split on commas, empty link rows dropped, box unticked = false', () => {
    const out = ZProfileForm.parse({ ...base, skills: 'menuiserie,  couture ,', 'links.3.label': 'Blogue', 'links.3.url': 'https://example.org', territory: '' });
    expect(out).toMatchObject({ skills: ['menuiserie', 'couture'], interests: [], links: [{ label: 'Blogue', url: 'https://example.org' }], territory: null, indexable: false });
    expect(out.privacy).toEqual({ photo: 'public', bio: 'public', skills: 'members', interests: 'private', territory: 'members', links: 'public' });
  });

  it('reports a half-filled link row on the form field that is missing', () => {
    const res = ZProfileForm.safeParse({ ...base, 'links.2.url': 'https://example.org' });
    expect(res.success).toBe(false);
    expect(res.error!.issues.map((i) => i.path.join('.'))).toEqual(['links.2.label']);
  });
});
