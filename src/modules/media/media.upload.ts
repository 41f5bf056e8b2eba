import type { FastifyRequest } from 'fastify';
import { validationError } from '../../platform/errors.js';
import { toAppError } from '../../platform/http/error-handler.js';

/** Reads the `photo` file of a multipart request into memory (the 8 MB cap is set in app.ts). */
export async function readPhotoUpload(request: FastifyRequest): Promise<Buffer> {
  try {
    const file = await request.file();
    if (!file || file.fieldname !== 'photo') throw validationError({ photo: { key: 'validation.required' } });
    const data = await file.toBuffer();
    if (data.length === 0) throw validationError({ photo: { key: 'validation.required' } });
    return data;
  } catch (err) {
    throw toAppError(err);
  }
}

/**
 * A no-JS multipart form cannot be read before the CSRF check, so its token rides in the action URL
 * (`?_csrf=`) and is handed to the usual check as the header a script would have sent.
 */
export async function csrfFromQuery(request: FastifyRequest): Promise<void> {
  const token = (request.query as Record<string, unknown> | undefined)?._csrf;
  if (typeof token === 'string' && request.headers['x-csrf-token'] === undefined) request.raw.headers['x-csrf-token'] = token;
}
