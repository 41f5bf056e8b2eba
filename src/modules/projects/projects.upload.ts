import type { FastifyRequest } from 'fastify';
import { validationError, type FieldIssue } from '../../platform/errors.js';
import { toAppError } from '../../platform/http/error-handler.js';
import { normaliseMultipartField } from '../../platform/http/input.js';

/** Reads a multipart image upload: one `file` part and an `alt` field, in any order. */
export async function readImageUpload(request: FastifyRequest): Promise<{ data: Buffer | null; alt: string }> {
  let data: Buffer | null = null;
  let alt = '';
  const refused: Record<string, FieldIssue> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        if (part.fieldname === 'file' && buffer.length > 0) data = buffer;
      } else if (typeof part.value === 'string') {
        const value = normaliseMultipartField(part.fieldname, part.value, refused);
        if (part.fieldname === 'alt') alt = value;
      }
    }
  } catch (err) {
    throw toAppError(err);
  }
  // A NUL byte is refused like anywhere else in a request (400 naming the field), once all is read.
  if (Object.keys(refused).length > 0) throw validationError(refused);
  return { data, alt };
}
