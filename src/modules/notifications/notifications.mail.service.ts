import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { mailRepository } from '../../platform/mail/mail.repository.js';
import { notificationMailRepository as repo } from './notifications.mail.repository.js';
import { ACTION_KINDS, renderImmediateMail, verifyUnsubscribeToken, type UnsubscribeScope } from './notifications.mail.render.js';

const IMMEDIATE_BATCH = 50;

/**
 * Relays action notifications (the in-app rows are the outbox, written in the event's transaction)
 * to the mail outbox: one e-mail each, in the recipient's language, and `emailed_at` set in the same
 * transaction so it is never mailed twice nor repeated in a digest. Returns how many were queued.
 * `only` restricts the sweep to some people (tests on a shared database).
 */
async function sendImmediateBatch(deps: Pick<Deps, 'db' | 'config'>, only?: string[]): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const due = await repo.claimImmediate(tx, ACTION_KINDS, IMMEDIATE_BATCH, only);
    for (const n of due) {
      const mail = renderImmediateMail(deps.config, { userId: n.userId, email: n.email, locale: n.locale, displayName: n.displayName }, n);
      await mailRepository.enqueue(tx, { ...mail, about: [`notification:${n.id}`] });
    }
    await repo.markEmailed(tx, due.map((n) => n.id));
    return due.length;
  });
}

/** Drains every due immediate e-mail (batches of 50). */
export async function sendAllImmediate(deps: Pick<Deps, 'db' | 'config'>, only?: string[]): Promise<number> {
  let total = 0;
  for (let i = 0; i < 100; i++) {
    const n = await sendImmediateBatch(deps, only);
    total += n;
    if (n < IMMEDIATE_BATCH) break;
  }
  return total;
}

export type UnsubscribeView = { scope: UnsubscribeScope; email: string; done: boolean };

async function resolve(deps: Pick<Deps, 'db' | 'config'>, token: string | undefined) {
  const scope = verifyUnsubscribeToken(deps.config.sessionSecret, token);
  if (!scope) throw new AppError('UNSUBSCRIBE_LINK_INVALID');
  const user = await repo.userForMail(deps.db, scope.userId);
  if (!user || user.deletedAt) throw new AppError('UNSUBSCRIBE_LINK_INVALID');
  return { scope, user };
}

/** What a signed link would unsubscribe from (the confirmation page); nothing changes. */
export async function previewUnsubscribe(deps: Pick<Deps, 'db' | 'config'>, token: string | undefined): Promise<UnsubscribeView> {
  const { scope, user } = await resolve(deps, token);
  const settings = await repo.getSettings(deps.db, scope.userId);
  const done = scope.what === 'digest' ? settings.digest === 'off' : settings.emailOptOuts.includes(scope.what);
  return { scope, email: user.email, done };
}

/** Performs a signed unsubscribe (idempotent): digests off, or one more kind opted out. */
export async function unsubscribe(deps: Pick<Deps, 'db' | 'config'>, token: string | undefined): Promise<UnsubscribeView> {
  const { scope, user } = await resolve(deps, token);
  await deps.db.transaction(async (tx) => {
    const s = await repo.getSettings(tx, scope.userId);
    if (scope.what === 'digest') await repo.saveSettings(tx, scope.userId, { digest: 'off', immediate: s.immediate, emailOptOuts: s.emailOptOuts });
    else if (!s.emailOptOuts.includes(scope.what)) await repo.saveSettings(tx, scope.userId, { digest: s.digest, immediate: s.immediate, emailOptOuts: [...s.emailOptOuts, scope.what] });
  });
  return { scope, email: user.email, done: true };
}
