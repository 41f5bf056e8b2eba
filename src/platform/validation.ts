import { z } from 'zod';
import { validationError, type FieldIssue } from './errors.js';

type Issue = z.core.$ZodIssue;

/** Maps one zod issue to an i18n key + params, so every language gets its own sentence. */
function issueToField(issue: Issue): FieldIssue {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { key: 'validation.required' } : { key: 'validation.tooShort', params: { count: Number(issue.minimum) } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.tooFewItems', params: { count: Number(issue.minimum) } };
      return { key: 'validation.tooSmall', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'validation.tooLong', params: { count: Number(issue.maximum) } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.tooManyItems', params: { count: Number(issue.maximum) } };
      return { key: 'validation.tooBig', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'validation.email' };
      if (issue.format === 'url') return { key: 'validation.url' };
      return { key: 'validation.format' };
    case 'invalid_type':
      return issue.input === undefined || issue.input === '' ? { key: 'validation.required' } : { key: 'validation.invalid' };
    case 'invalid_value':
      return { key: 'validation.choice' };
    case 'custom':
      return { key: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid', params: (issue.params ?? {}) as Record<string, unknown> };
    case 'unrecognized_keys':
      return { key: 'validation.unknownField' };
    default:
      return { key: 'validation.invalid' };
  }
}

export function zodIssuesToFields(issues: readonly Issue[]): Record<string, FieldIssue> {
  const fields: Record<string, FieldIssue> = {};
  for (const issue of issues) {
    const name = issue.path.length ? issue.path.map(String).join('.') : '_';
    if (!fields[name]) fields[name] = issueToField(issue);
  }
  return fields;
}

/** Parses input with a schema or throws VALIDATION_FAILED listing each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(zodIssuesToFields(result.error.issues));
  return result.data;
}

/**
 * A boolean query parameter, the same everywhere: `true`/`false` (also `1`/`0`); blank or absent
 * is `undefined`. Anything else is a validation error.
 */
export const ZQueryBoolean = z.preprocess(
  (v) => (v === '' || v === undefined ? undefined : v),
  z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1').optional(),
);
