/** The notifications domain's closed sets and value types; `notifications.tables.ts` uses them and re-exports them. */
export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
