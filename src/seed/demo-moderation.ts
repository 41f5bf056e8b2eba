import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../platform/deps.js';
import { newId } from '../db/ids.js';
import { audit } from '../platform/audit.js';
import { users } from '../modules/auth/auth.tables.js';
import { projects, projectUpdates } from '../modules/projects/projects.tables.js';
import { notificationsRepository } from '../modules/notifications/notifications.repository.js';
import { moderationRepository } from '../modules/moderation/moderation.repository.js';
import { reports } from '../modules/moderation/moderation.tables.js';

const DAY = 86_400_000;

/**
 * A small moderation story in Villeray and Ahuntsic (moderated by Karim Benali, Caisse de la
 * Cité-du-Nord): an off-topic update reported twice and waiting in the queue, and an update
 * already hidden with its reason, its history and the notification its author received.
 */
export async function seedDemoModeration(deps: Pick<Deps, 'db'>): Promise<void> {
  const db = deps.db;
  const people = await db.select({ id: users.id, handle: users.handle }).from(users)
    .where(inArray(users.handle, ['karim-benali', 'louis-gagnon', 'daniel-oconnor', 'sophie-lavoie', 'emily-chen', 'samir-haddad']));
  const id = (handle: string) => people.find((p) => p.handle === handle)?.id;
  const karim = id('karim-benali');
  const velo = (await db.select().from(projects).where(eq(projects.title, 'Vélo-cargo solidaire de Villeray')).limit(1))[0];
  const garden = (await db.select().from(projects).where(and(eq(projects.promoterId, id('sophie-lavoie') ?? ''), eq(projects.status, 'in_progress'))).limit(1))[0];
  if (!karim || !velo || !garden) return;
  const now = Date.now();

  await db.transaction(async (tx) => {
    // 1. Waiting in the queue: an advertisement posted as a project update, reported twice.
    const spamId = newId();
    await tx.insert(projectUpdates).values({
      id: spamId, projectId: velo.id, authorId: id('daniel-oconnor') ?? null, createdAt: new Date(now - 2 * DAY),
      title: 'Web design at –50% this week only!', body: 'Need a website? Contact my agency today, limited-time offer for businesses. Visit our site and mention this post.',
    });
    for (const [reporter, reason, details, days] of [
      ['samir-haddad', 'spam', 'Publicité commerciale sans lien avec le vélo-cargo.', 1.5],
      ['sophie-lavoie', 'spam', 'Looks like an ad, not news about the project.', 1],
    ] as const) {
      const reportId = newId();
      await tx.insert(reports).values({
        id: reportId, reporterId: id(reporter) ?? null, targetType: 'update', targetId: spamId, territoryId: velo.territoryId, reason, details, createdAt: new Date(now - days * DAY),
      });
      await audit(tx, { actorId: id(reporter) ?? null, action: 'report.file', subjectType: 'update', subjectId: spamId, data: { reportId, reason } });
    }

    // 2. Already decided: a hurtful update hidden by Karim, with the reason its author was told.
    const hiddenId = newId();
    const reason = 'Les propos visant un voisin par son nom contreviennent aux règles de la communauté. Reformulez sans viser personne et nous pourrons rétablir la nouvelle.';
    await tx.insert(projectUpdates).values({
      id: hiddenId, projectId: garden.id, authorId: garden.promoterId, createdAt: new Date(now - 5 * DAY),
      title: 'Encore des légumes volés', body: 'Je sais très bien qui vient se servir la nuit, et tout le monde devrait le savoir aussi.',
    });
    const reportId = newId();
    await tx.insert(reports).values({ id: reportId, reporterId: id('emily-chen') ?? null, targetType: 'update', targetId: hiddenId, territoryId: garden.territoryId, reason: 'harassment', details: 'Cette nouvelle vise un voisin.', status: 'actioned', resolvedBy: karim, resolvedAt: new Date(now - 4 * DAY), createdAt: new Date(now - 4.5 * DAY) });
    await moderationRepository.setHidden(tx, 'update', hiddenId, reason);
    await moderationRepository.insertAction(tx, { id: newId(), moderatorId: karim, action: 'hide', targetType: 'update', targetId: hiddenId, reportId, reason });
    await audit(tx, { actorId: karim, action: 'moderation.hide', subjectType: 'update', subjectId: hiddenId, data: { reason, reportId } });
    await notificationsRepository.insert(tx, {
      userId: garden.promoterId, kind: 'moderation.hidden',
      data: { targetType: 'update', targetId: hiddenId, subjectTitle: 'Encore des légumes volés', title: 'Encore des légumes volés', reason },
      url: `/projets/${garden.id}#nouvelle-${hiddenId}`,
    });
  });
}
