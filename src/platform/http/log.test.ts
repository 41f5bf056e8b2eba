import { describe, expect, it } from 'vitest';
import { logSafeUrl } from './log.js';

describe('logSafeUrl', () => {
  it('keeps the path and the parameter names, never the values', () => {
    expect(logSafeUrl('/desabonnement?token=abc.def&lang=en')).toBe('/desabonnement?token=…&lang=…');
    expect(logSafeUrl('/api/v1/search?q=%C3%A9glise&q=x')).toBe('/api/v1/search?q=…');
    expect(logSafeUrl('/projets')).toBe('/projets');
    expect(logSafeUrl('/a?')).toBe('/a?');
  });
});
