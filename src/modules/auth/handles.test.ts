import { describe, expect, it } from 'vitest';
import { HANDLE_LOOKUP, HANDLE_MAX, slugify, uniqueHandle } from './handles.js';

describe('handles', () => {
  it('turn display names into readable ASCII handles', () => {
    expect(slugify('Marie-Ève Tremblay')).toBe('marie-eve-tremblay');
    expect(slugify('  Daniel O’Connor ')).toBe('daniel-o-connor');
    expect(slugify('李小龍')).toBe('membre');
    expect(slugify('<script>alert(1)</script>')).toBe('script-alert-1-script');
  });

  it('add a counter when the handle is taken', async () => {
    const taken = new Set(['lea', 'lea-2']);
    expect(await uniqueHandle('Léa', async (h) => taken.has(h))).toBe('lea-3');
  });
});

describe('handles stay within HANDLE_MAX with a suffix', () => {
  const long = 'Marie-Ève Éloïse Bérénice Tremblay-Côté de l’Île-Perrot';
  it('cut the name so that the counter still fits', async () => {
    const root = slugify(long);
    expect(root.length).toBeLessThanOrEqual(HANDLE_MAX);
    const second = await uniqueHandle(long, async (h) => h === root);
    expect(second.length).toBeLessThanOrEqual(HANDLE_MAX);
    expect(second).toMatch(/^marie-eve-eloise-berenice-.*-2$/);
    expect(HANDLE_LOOKUP.test(second)).toBe(true);
  });

  it('keep the random fallback within the limit too, with no double dash', async () => {
    const fallback = await uniqueHandle(long, async (h) => !/-[a-z0-9]{6}$/.test(h) || h.length < 30);
    expect(fallback.length).toBeLessThanOrEqual(HANDLE_MAX);
    expect(fallback).not.toContain('--');
  });
});
