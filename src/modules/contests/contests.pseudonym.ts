import { createHash, createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A person's pseudonym in a contest, computed, never stored by a read: 8 characters of
 * `HMAC-SHA256(key = sha256("contest-pseudonym:" + SESSION_SECRET), contestId:userId:attempt)`,
 * 5 bits per character (32 symbols, no 0/O/1/I). Without the secret nobody can link a pseudonym
 * of the published list to a person; with it, the same person always gets the same pseudonym, so
 * the one shown during the period is the one the frozen list carries. `attempt` > 0 only when
 * another person of the same contest already holds the first choice (the freeze then stores the
 * next one, and the stored row wins from then on).
 */
export function pseudonymOf(secret: string, contestId: string, userId: string, attempt = 0): string {
  const key = createHash('sha256').update(`contest-pseudonym:${secret}`).digest();
  const mac = createHmac('sha256', key).update(`${contestId}:${userId}:${attempt}`).digest();
  return Array.from(mac.subarray(0, 8), (byte) => ALPHABET[byte & 31]).join('');
}
