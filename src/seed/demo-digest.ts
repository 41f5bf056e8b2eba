import { inArray } from 'drizzle-orm';
import type { Deps } from '../platform/deps.js';
import { users } from '../modules/auth/auth.tables.js';
import { notificationDigests } from '../modules/notifications/notifications.tables.js';
import { notificationMailRepository } from '../modules/notifications/notifications.mail.repository.js';
import { digestPeriod } from '../modules/notifications/notifications.digest.service.js';

/** E-mail preferences of a few demo neighbours (every other person keeps the defaults: weekly digest, immediate on). */
const PREFERENCES: Record<string, { digest: 'off' | 'daily' | 'weekly'; immediate: 'on' | 'off'; emailOptOuts: string[] }> = {
  'marie-eve-tremblay': { digest: 'daily', immediate: 'on', emailOptOuts: [] },
  'samir-haddad': { digest: 'weekly', immediate: 'on', emailOptOuts: ['comment.new', 'pledge.thanks'] },
  'emily-chen': { digest: 'off', immediate: 'on', emailOptOuts: [] },
  'priya-natarajan': { digest: 'weekly', immediate: 'off', emailOptOuts: ['comment.reply'] },
};

/** Demo e-mail settings, and last week's digest of the weekly people (so the demo has a history). */
export async function seedDemoDigest(deps: Pick<Deps, 'db'>): Promise<void> {
  const people = await deps.db.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.handle, Object.keys(PREFERENCES)));
  const lastWeek = digestPeriod('weekly', new Date(Date.now() - 7 * 86_400_000));
  for (const p of people) {
    const prefs = PREFERENCES[p.handle]!;
    await notificationMailRepository.saveSettings(deps.db, p.id, prefs);
    if (prefs.digest === 'weekly') await deps.db.insert(notificationDigests).values({ userId: p.id, period: lastWeek, itemCount: 4 }).onConflictDoNothing();
  }
}
