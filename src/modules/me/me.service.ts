import { inArray } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { usersRepository } from '../auth/users.repository.js';
import { territoriesRepository } from '../territories/territories.repository.js';
import { caisses } from '../caisses/caisses.tables.js';
import { presentMe, type MeView } from './me.presenter.js';

/** The signed-in person's full view of their own account. */
export async function getMe(deps: Deps, userId: string): Promise<MeView> {
  const user = await usersRepository.findById(deps.db, userId);
  if (!user || user.deletedAt) throw new AppError('UNAUTHENTICATED');
  const territory = user.territoryId ? await territoriesRepository.findById(deps.db, user.territoryId) : undefined;
  const roles = await usersRepository.rolesOf(deps.db, user.id);
  const caisseIds = roles.map((r) => r.caisseId).filter((id): id is string => !!id);
  const slugs = caisseIds.length ? await deps.db.select({ id: caisses.id, slug: caisses.slug }).from(caisses).where(inArray(caisses.id, caisseIds)) : [];
  const slugOf = new Map(slugs.map((c) => [c.id, c.slug]));
  return presentMe(user, territory?.slug ?? null, roles.map((r) => ({ role: r.role, caisseSlug: r.caisseId ? (slugOf.get(r.caisseId) ?? null) : null })));
}
