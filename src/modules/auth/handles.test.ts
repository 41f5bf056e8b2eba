import { describe, expect, it } from 'vitest';
import { slugify, uniqueHandle } from './handles.js';

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
