import type { Deps } from '../../platform/deps.js';
import { newId } from '../../db/ids.js';
import { randomToken } from '../../platform/crypto.js';
import { usersRepository, MOST_PRIVATE } from '../auth/users.repository.js';
import { hashPassword } from '../auth/passwords.js';
import { uniqueHandle } from '../auth/handles.js';
import { requestPasswordReset } from '../auth/auth.service.js';
import { rolesRepository } from './roles.repository.js';
import { audit } from '../../platform/audit.js';

/**
 * Makes sure an account with this address exists and is an admin. A new account gets a random
 * password and a reset link by mail (or in the dev outbox), so nobody ever types a password here.
 */
export async function ensureAdmin(deps: Deps, email: string, displayName = 'Administration'): Promise<{ created: boolean; userId: string }> {
  const normalized = email.trim().toLowerCase();
  let user = await usersRepository.findByEmail(deps.db, normalized);
  let created = false;
  if (!user) {
    const handle = await uniqueHandle(displayName, (h) => usersRepository.handleExists(deps.db, h));
    user = await usersRepository.insert(deps.db, { id: newId(), email: normalized, passwordHash: await hashPassword(randomToken(24)), displayName, handle, privacy: MOST_PRIVATE, ageConfirmed: true, emailVerifiedAt: new Date() });
    created = true;
  }
  if (await rolesRepository.grant(deps.db, { userId: user.id, role: 'admin', caisseId: null, grantedBy: null })) {
    await audit(deps.db, { actorId: null, action: 'role.grant', subjectType: 'user', subjectId: user.id, data: { role: 'admin', via: 'bootstrap' } });
  }
  if (created) await requestPasswordReset({ ...deps, config: { ...deps.config, rateLimits: false } }, normalized, { ip: 'bootstrap', userAgent: 'cli' });
  return { created, userId: user.id };
}

export async function bootstrapAdmin(deps: Deps): Promise<void> {
  if (!deps.config.adminEmail) return;
  const { created } = await ensureAdmin(deps, deps.config.adminEmail);
  if (created) deps.log.info({ email: deps.config.adminEmail }, 'admin account created; a password link was sent (see the dev outbox without SMTP_URL)');
}
