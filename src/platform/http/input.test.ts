import { describe, expect, it } from 'vitest';
import { normaliseRequestInput } from './input.js';

describe('normaliseRequestInput', () => {
  it('names every field holding a NUL byte, in params, query, nested bodies and keys', () => {
    const found = normaliseRequestInput({ params: { id: 'a\u0000' }, query: { q: 'ok' }, body: { bio: 'x', tags: ['a', 'b\u0000'], nested: { ['k\u0000']: 'v' } } });
    expect(Object.keys(found).sort()).toEqual(['id', 'nested.k\\0', 'tags.1']);
    expect(found.id).toEqual({ key: 'validation.forbiddenCharacter' });
  });

  it('strips bidi overrides and isolates from text, in place, but never from secrets', () => {
    const request = { params: {}, query: { q: '\u202Eabc' }, body: { bio: 'a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069', password: 'p\u202Ew', list: ['\u2066x'] } };
    expect(normaliseRequestInput(request)).toEqual({});
    expect(request.query.q).toBe('abc');
    expect(request.body).toEqual({ bio: 'abcdefghi', password: 'p\u202Ew', list: ['x'] });
  });

  it('leaves buffers and non-plain objects alone', () => {
    const buffer = Buffer.from([0, 1, 2]);
    const request = { params: undefined, query: {}, body: buffer };
    expect(normaliseRequestInput(request)).toEqual({});
    expect(request.body).toBe(buffer);
  });
});
