import type { FastifyReply, FastifyRequest } from 'fastify';
import { validationError, type FieldIssue } from '../../platform/errors.js';
import { toAppError } from '../../platform/http/error-handler.js';
import { normaliseMultipartField } from '../../platform/http/input.js';
import { attachmentHeader } from './calls.files.js';
import { CALL_LIMITS } from './calls.domain.js';
import type { ApplicationFileRow } from './calls.files.repository.js';
import type { FileUpload } from './calls.files.service.js';

const NUL = '\u0000';

/**
 * Reads a multipart form: its text fields (NUL refused, bidi controls stripped, as for any request)
 * and its files. A file over `maxBytes` is cut there and marked `truncated` instead of failing the
 * request, so the form comes back with everything else typed in it and the error beside the field.
 * A file input left empty (no name, no bytes) is no file. At most `maxFiles` files (the call's file
 * questions) are read, so one request never holds more than `maxFiles × maxBytes` in memory.
 */
export async function readMultipartForm(request: FastifyRequest, maxBytes: number, maxFiles: number): Promise<{ values: Record<string, unknown>; uploads: Record<string, FileUpload> }> {
  const values: Record<string, unknown> = {};
  const uploads: Record<string, FileUpload> = {};
  const refused: Record<string, FieldIssue> = {};
  try {
    // `throwFileSizeLimit` is read per request by @fastify/multipart although its types omit it there.
    const options = { limits: { fileSize: maxBytes, files: Math.min(Math.max(1, maxFiles), CALL_LIMITS.questions), fields: 80, parts: 120 }, throwFileSizeLimit: false };
    const parts = request.parts(options);
    for await (const part of parts) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname.includes(NUL)) refused[part.fieldname.replaceAll(NUL, '\\0')] = { key: 'validation.forbiddenCharacter' };
        if (part.filename === '' && data.length === 0) continue;
        uploads[part.fieldname] = { fileName: part.filename, data, truncated: part.file.truncated };
      } else if (typeof part.value === 'string') {
        values[part.fieldname] = normaliseMultipartField(part.fieldname, part.value, refused);
      }
    }
  } catch (err) {
    throw toAppError(err);
  }
  if (Object.keys(refused).length > 0) throw validationError(refused);
  return { values, uploads };
}

/** Sends a private application file: a download (never shown inline), its real type, not sniffed, not cached by others. */
export function sendApplicationFile(reply: FastifyReply, file: ApplicationFileRow, data: Buffer): FastifyReply {
  return reply
    .header('Content-Type', file.mime)
    .header('Content-Disposition', attachmentHeader(file.fileName))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .header('Cache-Control', 'private, no-store')
    .header('Content-Length', String(data.length))
    .send(data);
}
