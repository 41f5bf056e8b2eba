import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, type ErrorCode } from '../../platform/errors.js';
import { handleForm, type FormState } from '../../platform/http/forms.js';
import { DONE_KEYS, type DoneKey } from './admin.views.js';

/**
 * The no-JS form pipeline, plus: the service errors listed in `fieldFor` (SLUG_TAKEN,
 * USER_NOT_FOUND…) come back as an error on that field, with the error's own status.
 */
export async function handleAdminForm<S extends z.ZodType>(
  request: FastifyRequest,
  reply: FastifyReply,
  schema: S,
  action: (input: z.output<S>) => Promise<unknown>,
  render: (state: FormState<z.input<S>>, status: number) => unknown,
  fieldFor: Partial<Record<ErrorCode, string>> = {},
): Promise<unknown> {
  return handleForm(request, reply, schema, async (input) => {
    try {
      return await action(input);
    } catch (err) {
      const field = err instanceof AppError ? fieldFor[err.code] : undefined;
      if (!(err instanceof AppError) || !field) throw err;
      const { _csrf: _drop, ...values } = (request.body as Record<string, unknown> | undefined) ?? {};
      return render({ values: values as never, errors: { [field]: { key: `errors.${err.code}` } } }, err.status);
    }
  }, render);
}

/** The confirmation to show after a redirect, from `?fait=` (only known keys). */
export function doneFrom(request: FastifyRequest): DoneKey | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.fait;
  return DONE_KEYS.find((k) => k === value);
}
