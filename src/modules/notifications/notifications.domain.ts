/** The notifications domain's closed sets and value types; `notifications.tables.ts` uses them and re-exports them. */
export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/**
 * Kinds whose module sends its own e-mail with the event (in the same transaction): the delegate
 * decision mail, the thank-you of a fulfilled pledge. Digests leave them out so nobody reads the
 * same news twice; they stay in-app.
 */
export const MAILED_WITH_EVENT_KINDS: readonly string[] = ['delegate.approved', 'delegate.declined', 'pledge.thanks', 'call.submitted', 'contest.won'];
