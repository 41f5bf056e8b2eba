import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors.js';
import { parseInput, ZQueryBoolean } from './validation.js';

const Schema = z.object({ email: z.email(), name: z.string().min(3).max(5), age: z.number().int().min(14), kind: z.enum(['a', 'b']), site: z.url() });

function fieldsOf(input: unknown) {
  try {
    parseInput(Schema, input);
  } catch (err) {
    if (err instanceof AppError) return err.details.fields as Record<string, { key: string; params?: Record<string, unknown> }>;
  }
  throw new Error('expected a validation error');
}

describe('parseInput', () => {
  it('maps each zod issue to an i18n key with its parameters', () => {
    const fields = fieldsOf({ email: 'nope', name: 'abcdefgh', age: 3, kind: 'z', site: 'x' });
    expect(fields.email).toEqual({ key: 'validation.email' });
    expect(fields.name).toEqual({ key: 'validation.tooLong', params: { count: 5 } });
    expect(fields.age).toEqual({ key: 'validation.tooSmall', params: { min: 14 } });
    expect(fields.kind).toEqual({ key: 'validation.choice' });
    expect(fields.site).toEqual({ key: 'validation.url' });
  });

  it('reports missing fields as required', () => {
    const fields = fieldsOf({});
    expect(fields.email).toEqual({ key: 'validation.required' });
    expect(Object.keys(fields).sort()).toEqual(['age', 'email', 'kind', 'name', 'site']);
  });

  it('returns the parsed value when valid', () => {
    expect(parseInput(Schema, { email: 'a@b.ca', name: 'abc', age: 20, kind: 'a', site: 'https://x.ca' }).name).toBe('abc');
  });
});

describe('ZQueryBoolean', () => {
  const Q = z.object({ flag: ZQueryBoolean });
  it('reads true/false and 1/0 the same way, blank as absent', () => {
    expect(Q.parse({ flag: 'true' }).flag).toBe(true);
    expect(Q.parse({ flag: '1' }).flag).toBe(true);
    expect(Q.parse({ flag: 'false' }).flag).toBe(false);
    expect(Q.parse({ flag: '0' }).flag).toBe(false);
    expect(Q.parse({ flag: '' }).flag).toBeUndefined();
    expect(Q.parse({}).flag).toBeUndefined();
  });
  it('refuses anything else', () => {
    expect(Q.safeParse({ flag: 'yes' }).success).toBe(false);
    expect(Q.safeParse({ flag: 'TRUE' }).success).toBe(false);
  });
});
