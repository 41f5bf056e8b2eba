import type { FastifyRequest } from 'fastify';
import { toAppError } from '../../platform/http/error-handler.js';

/** Reads a multipart image upload: one `file` part and an `alt` field, in any order. */
export async function readImageUpload(request: FastifyRequest): Promise<{ data: Buffer | null; alt: string }> {
  let data: Buffer | null = null;
  let alt = '';
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        if (part.fieldname === 'file' && buffer.length > 0) data = buffer;
      } else if (part.fieldname === 'alt' && typeof part.value === 'string') {
        alt = part.value;
      }
    }
  } catch (err) {
    throw toAppError(err);
  }
  return { data, alt };
}
