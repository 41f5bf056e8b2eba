import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { sha256 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import type { UserRow } from './users.repository.js';
import { apiTokensRepository, sessionsRepository, type RoleGrant } from './sessions.repository.js';

const TOUCH_AFTER_MS = 10 * 60_000;
const SESSION_MS = 30 * 86_400_000;

function toActor(user: UserRow, roles: RoleGrant[], via: Actor['via'], sessionIdHash: string | null, reauthAt: Date | null): Actor {
  return { id: user.id, handle: user.handle, displayName: user.displayName, email: user.email, locale: user.locale, emailVerified: !!user.emailVerifiedAt, roles, via, sessionIdHash, reauthAt };
}

/** The actor behind a session cookie, or null. Suspended accounts have no sessions. */
export async function actorFromSession(deps: Deps, rawId: string): Promise<Actor | null> {
  const idHash = sha256(rawId);
  const found = await sessionsRepository.findValid(deps.db, idHash);
  if (!found || found.user.suspendedAt) return null;
  if (Date.now() - found.session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await sessionsRepository.touch(deps.db, idHash, new Date(Date.now() + SESSION_MS));
  }
  return toActor(found.user, found.roles, 'session', idHash, found.session.reauthAt);
}

/** The actor behind `Authorization: Bearer ec_…`, or null; an expired token gets its own error (TOKEN_EXPIRED, 401). */
export async function actorFromToken(deps: Deps, token: string): Promise<Actor | null> {
  const hash = sha256(token);
  const found = await apiTokensRepository.findValid(deps.db, hash);
  if (!found && (await apiTokensRepository.isExpired(deps.db, hash))) throw new AppError('TOKEN_EXPIRED');
  if (!found || found.user.suspendedAt) return null;
  if (!found.token.lastUsedAt || Date.now() - found.token.lastUsedAt.getTime() > TOUCH_AFTER_MS) await apiTokensRepository.touch(deps.db, found.token.id);
  return toActor(found.user, found.roles, 'token', null, null);
}
