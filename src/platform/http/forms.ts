import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, type FieldIssue } from '../errors.js';
import { parseInput } from '../validation.js';

export type FormState<V> = { values: Partial<V> & Record<string, unknown>; errors?: Record<string, FieldIssue> | undefined };

/**
 * The no-JS form pipeline: parse the body with the API's schema, run the action, and on
 * validation failure re-render the form with status 400, the values kept and each field's error.
 */
export async function handleForm<S extends z.ZodType>(
  request: FastifyRequest,
  reply: FastifyReply,
  schema: S,
  action: (input: z.output<S>) => Promise<unknown>,
  renderForm: (state: FormState<z.input<S>>, status: number) => unknown,
): Promise<unknown> {
  const body = { ...((request.body as Record<string, unknown> | undefined) ?? {}) };
  delete body._csrf;
  try {
    const input = parseInput(schema, body);
    return await action(input);
  } catch (err) {
    if (err instanceof AppError && (err.code === 'VALIDATION_FAILED' || err.code === 'INVALID_CREDENTIALS')) {
      const fields = (err.details.fields as Record<string, FieldIssue> | undefined) ?? { _: { key: `errors.${err.code}` } };
      const safeValues = Object.fromEntries(Object.entries(body).filter(([k]) => !/password/i.test(k)));
      return renderForm({ values: safeValues as never, errors: fields }, err.code === 'INVALID_CREDENTIALS' ? 401 : 400);
    }
    throw err;
  }
}
