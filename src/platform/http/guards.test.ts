import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './guards.js';

const PUBLIC = 'https://espace.example';

describe('safeReturnPath', () => {
  it.each([
    '/\t/evil.example', '/\r\n/evil.example', '/\n/evil.example', '/\\evil.example', '/\\/evil.example', '//evil.example', '/.//evil.example',
    '/a/../..//evil.example', 'https://evil.example/', 'http:/evil.example', '\\\\evil.example', ' //evil.example', '\t//evil.example',
    'javascript:alert(1)', '', 'moi', `/${'a'.repeat(600)}`, 42, null, undefined, ['/moi'],
  ])('refuses %j', (value) => {
    expect(safeReturnPath(value, '/repli', PUBLIC)).toBe('/repli');
  });

  it('keeps a same-site path with its query and anchor', () => {
    expect(safeReturnPath('/projets?q=jardin&page=2#liste', '/', PUBLIC)).toBe('/projets?q=jardin&page=2#liste');
    expect(safeReturnPath('/%2F%2Fevil.example', '/', PUBLIC)).toBe('/%2F%2Fevil.example'); // one path segment on our site
  });

  it('returns a normalised, ASCII-only path (a valid Location header)', () => {
    expect(safeReturnPath('/membres/élodie?q=café', '/', PUBLIC)).toBe('/membres/%C3%A9lodie?q=caf%C3%A9');
    expect(safeReturnPath('/a/./b/../c', '/', PUBLIC)).toBe('/a/c');
    expect(safeReturnPath('/a\u2028b', '/', PUBLIC)).toMatch(/^[\x21-\x7e]+$/);
  });

  it('works without PUBLIC_URL (paths only)', () => {
    expect(safeReturnPath('/moi')).toBe('/moi');
    expect(safeReturnPath('/\t/evil.example')).toBe('/');
  });
});
