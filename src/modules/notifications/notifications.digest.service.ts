import type { Deps } from '../../platform/deps.js';
import { mailRepository } from '../../platform/mail/mail.repository.js';
import { notificationMailRepository as repo } from './notifications.mail.repository.js';
import { renderDigestMail } from './notifications.mail.render.js';

export type DigestFrequencyOn = 'daily' | 'weekly';
const DIGEST_TIME_ZONE = 'America/Montreal';
/** Digests go out from this local hour on (the hourly tick before it does nothing). */
const DIGEST_HOUR = 7;
/** Items listed in one digest; the rest are counted ("and 12 more") and marked mailed too. */
const DIGEST_MAX_ITEMS = 20;
const DIGEST_SCAN = 500;

const partsFormat = new Intl.DateTimeFormat('en-CA', { timeZone: DIGEST_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });

/** The local (America/Montreal) calendar date and hour of an instant. */
export function localParts(now: Date): { year: number; month: number; day: number; hour: number } {
  const p = Object.fromEntries(partsFormat.formatToParts(now).map((x) => [x.type, x.value]));
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `daily:2026-11-29` (local day) or `weekly:2026-W48` (ISO week of the local day). */
export function digestPeriod(frequency: DigestFrequencyOn, now: Date): string {
  const { year, month, day } = localParts(now);
  if (frequency === 'daily') return `daily:${year}-${pad(month)}-${pad(day)}`;
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this ISO week decides its year
  const isoYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `weekly:${isoYear}-W${pad(week)}`;
}

class NothingToSay extends Error {}

/**
 * Sends one person's digest for a period, at most once: the `(user, period)` row is inserted FIRST,
 * in the same transaction as the mail and the `emailed_at` marks, so a concurrent or repeated run
 * finds the row and sends nothing. Nothing to say: the transaction rolls back and no mail leaves.
 */
export async function sendDigest(deps: Pick<Deps, 'db' | 'config'>, userId: string, frequency: DigestFrequencyOn, period: string): Promise<'sent' | 'already' | 'empty'> {
  try {
    return await deps.db.transaction(async (tx) => {
      if (!(await repo.claimDigest(tx, userId, period))) return 'already' as const;
      const items = await repo.digestItems(tx, userId, DIGEST_SCAN);
      const first = items[0];
      if (!first) throw new NothingToSay();
      const shown = items.slice(0, DIGEST_MAX_ITEMS);
      const mail = renderDigestMail(deps.config, { userId, email: first.email, locale: first.locale, displayName: first.displayName }, frequency, shown, items.length - shown.length);
      await mailRepository.enqueue(tx, { ...mail, about: shown.map((n) => `notification:${n.id}`) });
      await repo.markEmailed(tx, items.map((n) => n.id));
      await repo.setDigestCount(tx, userId, period, items.length);
      return 'sent' as const;
    });
  } catch (err) {
    if (err instanceof NothingToSay) return 'empty';
    throw err;
  }
}

export type DigestTarget = { userId: string; frequency: DigestFrequencyOn; period: string };

/**
 * The hourly tick: who is due now (daily: once per local day; weekly: once per ISO week; from
 * DIGEST_HOUR local time, and only people with something unread and unmailed). `only` restricts the
 * scan to some people (tests on a shared database).
 */
export async function dueDigests(deps: Pick<Deps, 'db'>, now: Date, only?: string[]): Promise<DigestTarget[]> {
  if (localParts(now).hour < DIGEST_HOUR) return [];
  const out: DigestTarget[] = [];
  for (const frequency of ['daily', 'weekly'] as const) {
    const period = digestPeriod(frequency, now);
    const ids = await repo.dueDigestUsers(deps.db, frequency, period, 1_000, only);
    for (const userId of ids) out.push({ userId, frequency, period });
  }
  return out;
}
