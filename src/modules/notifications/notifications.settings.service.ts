import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { notificationMailRepository as repo, type NotificationSettingsRow } from './notifications.mail.repository.js';
import { OPT_OUT_KINDS } from './notifications.mail.render.js';
import type { NotificationSettingsPatch, NotificationSettingsView } from './notifications.settings.schemas.js';

/** Whitelisted view of a person's e-mail settings. */
function presentSettings(s: NotificationSettingsRow): NotificationSettingsView {
  return { digest: s.digest, immediate: s.immediate, emailOptOuts: [...s.emailOptOuts], availableOptOuts: [...OPT_OUT_KINDS], updatedAt: s.updatedAt ? s.updatedAt.toISOString() : null };
}

export async function getSettings(deps: Pick<Deps, 'db'>, actor: Actor): Promise<NotificationSettingsView> {
  return presentSettings(await repo.getSettings(deps.db, actor.id));
}

/** Applies a partial change; the opt-out list, when given, replaces the previous one (deduplicated). */
export async function updateSettings(deps: Pick<Deps, 'db'>, actor: Actor, patch: NotificationSettingsPatch): Promise<NotificationSettingsView> {
  return deps.db.transaction(async (tx) => {
    const s = await repo.getSettings(tx, actor.id);
    const next = { digest: patch.digest ?? s.digest, immediate: patch.immediate ?? s.immediate, emailOptOuts: patch.emailOptOuts ? [...new Set(patch.emailOptOuts)] : s.emailOptOuts };
    await repo.saveSettings(tx, actor.id, next);
    return presentSettings(await repo.getSettings(tx, actor.id));
  });
}
