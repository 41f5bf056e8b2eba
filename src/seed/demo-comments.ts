import { asc, eq, inArray } from 'drizzle-orm';
import { newId } from '../db/ids.js';
import type { Deps } from '../platform/deps.js';
import { users } from '../modules/auth/auth.tables.js';
import { projects, projectUpdates } from '../modules/projects/projects.tables.js';
import { comments, reactions, REACTION_KINDS } from '../modules/social/social.tables.js';

/** Neighbours of the demo who comment and react, in the order they take turns. */
const VOICES = ['marie-eve-tremblay', 'samir-haddad', 'priya-natarajan', 'louis-gagnon', 'sophie-lavoie', 'daniel-oconnor', 'fatima-diallo', 'emily-chen', 'jean-francois-roy'];

/** A short conversation per project, in the project's language: two top-level comments, replies, a mention. */
const CONVERSATIONS: Record<'fr' | 'en', { first: string; reply: string; second: string; thanks: string; onUpdate: string }> = {
  fr: {
    first: 'Quelle belle initiative! Est-ce qu’il y a une rencontre d’information prévue avant le lancement?',
    reply: 'Oui : jeudi à 19 h à la bibliothèque. @{{next}}, tu voulais venir aussi, non?',
    second: 'J’en ai parlé à mes voisins du 3e : **trois** personnes sont intéressées. Je vous les envoie.',
    thanks: 'Merci infiniment, ça nous aide beaucoup!',
    onUpdate: 'Bravo pour cette étape! Les photos sont superbes.',
  },
  en: {
    first: 'What a great initiative! Is there an information session before the launch?',
    reply: 'Yes: Thursday at 7 pm at the library. @{{next}}, you wanted to come too, right?',
    second: 'I told my neighbours on the third floor: **three** people are interested. I will send them your way.',
    thanks: 'Thank you so much, that really helps!',
    onUpdate: 'Congratulations on this step! The photos look great.',
  },
};

/**
 * Demo comments and reactions on the first public projects (and their latest update), so the
 * project pages show a living conversation. Runs once: nothing happens if comments exist.
 */
export async function seedDemoComments(deps: Pick<Deps, 'db'>, now = new Date()): Promise<number> {
  if ((await deps.db.select({ id: comments.id }).from(comments).limit(1)).length > 0) return 0;
  const live = await deps.db.select({ id: projects.id, promoterId: projects.promoterId, language: projects.language }).from(projects).where(inArray(projects.status, ['published', 'in_progress', 'completed'])).orderBy(asc(projects.createdAt)).limit(8);
  const people = await deps.db.select({ id: users.id, handle: users.handle }).from(users).where(inArray(users.handle, VOICES));
  const voices = VOICES.map((h) => people.find((p) => p.handle === h)).filter((p): p is { id: string; handle: string } => p !== undefined);
  if (live.length === 0 || voices.length < 3) return 0;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000);
  let count = 0;
  await deps.db.transaction(async (tx) => {
    for (const [i, project] of live.entries()) {
      const text = CONVERSATIONS[project.language];
      const [a, b, c] = [voices[i % voices.length]!, voices[(i + 1) % voices.length]!, voices[(i + 2) % voices.length]!];
      const base = 72 + i * 5;
      const first = newId();
      const second = newId();
      const rows = [
        { id: first, parentId: null, authorId: a.id, body: text.first, createdAt: at(base) },
        { id: newId(), parentId: first, authorId: project.promoterId, body: text.reply.replace('{{next}}', b.handle), createdAt: at(base - 2) },
        { id: second, parentId: null, authorId: b.id, body: text.second, createdAt: at(base - 20) },
        { id: newId(), parentId: second, authorId: project.promoterId, body: text.thanks, createdAt: at(base - 22) },
      ];
      await tx.insert(comments).values(rows.map((r) => ({ ...r, targetType: 'project' as const, targetId: project.id, projectId: project.id })));
      count += rows.length;
      const [update] = await tx.select({ id: projectUpdates.id }).from(projectUpdates).where(eq(projectUpdates.projectId, project.id)).orderBy(asc(projectUpdates.createdAt)).limit(1);
      if (update) {
        await tx.insert(comments).values({ id: newId(), targetType: 'update', targetId: update.id, projectId: project.id, parentId: null, authorId: c.id, body: text.onUpdate, createdAt: at(base - 30) });
        await tx.insert(reactions).values({ targetType: 'update', targetId: update.id, userId: c.id, kind: 'bravo' }).onConflictDoNothing();
        count++;
      }
      const fans = voices.slice(0, 3 + (i % (voices.length - 2)));
      await tx.insert(reactions).values(fans.map((p, k) => ({ targetType: 'project' as const, targetId: project.id, userId: p.id, kind: REACTION_KINDS[k % REACTION_KINDS.length]! }))).onConflictDoNothing();
      await tx.insert(reactions).values([c, a].map((p) => ({ targetType: 'comment' as const, targetId: second, userId: p.id, kind: 'like' as const }))).onConflictDoNothing();
    }
  });
  return count;
}
