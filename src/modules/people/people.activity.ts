import { z } from 'zod';
import type { Deps } from '../../platform/deps.js';
import { imageSources } from '../projects/projects.images.js';
import { peopleActivityRepository } from './people.activity.repository.js';
import type { ViewerKind } from './people.policy.js';

const ZLang = z.enum(['fr', 'en']);

/** What a person did, whitelisted for one kind of viewer (see the repository for the visibility rules). */
export const ZPersonActivity = z.object({
  projects: z.array(z.object({
    id: z.string(), title: z.string(), summary: z.string(), language: ZLang, status: z.string(), role: z.enum(['promoter', 'member']), url: z.string(),
    cover: z.object({ src: z.string(), srcset: z.string(), width: z.number().int(), height: z.number().int(), alt: z.string() }).nullable(),
  })),
  offers: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), language: ZLang, kind: z.string(), url: z.string() })),
  boards: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), language: ZLang, visibility: z.enum(['public', 'private']), items: z.number().int(), url: z.string() })),
  contributions: z.array(z.object({
    id: z.string(), projectId: z.string(), projectTitle: z.string(), projectLanguage: ZLang, needTitle: z.string(), quantity: z.number().int(), fulfilledAt: z.string(),
    /** False only on the person's own page: help they chose not to be named for (others never see it). */
    named: z.boolean(), url: z.string(),
  })),
});
export type PersonActivity = z.output<typeof ZPersonActivity>;

/** A person's projects, offers, boards and fulfilled help, as this kind of viewer may see them (four parallel reads). */
export async function personActivity(deps: Pick<Deps, 'db'>, userId: string, kind: ViewerKind): Promise<PersonActivity> {
  const owner = kind === 'owner';
  const [projects, offers, boards, contributions] = await Promise.all([
    peopleActivityRepository.projects(deps.db, userId),
    peopleActivityRepository.offers(deps.db, userId),
    peopleActivityRepository.boards(deps.db, userId, owner),
    peopleActivityRepository.contributions(deps.db, userId, owner),
  ]);
  return {
    projects: projects.map((p) => ({
      id: p.id, title: p.title, summary: p.summary, language: p.language, status: p.status, role: p.role, url: `/projets/${p.id}`,
      cover: p.cover_key ? { ...imageSources({ storageKey: p.cover_key, width: p.cover_width ?? 0, height: p.cover_height ?? 0 }), alt: p.cover_alt ?? '' } : null,
    })),
    offers: offers.map((o) => ({ id: o.id, title: o.title, description: o.description, language: o.language, kind: o.kind, url: `/offres/${o.id}` })),
    boards: boards.map((b) => ({ id: b.id, title: b.title, description: b.description, language: b.language, visibility: b.visibility, items: Number(b.items), url: `/tableaux/${b.id}` })),
    contributions: contributions.map((c) => ({
      id: c.id, projectId: c.project_id, projectTitle: c.project_title, projectLanguage: c.project_language, needTitle: c.need_title, quantity: Number(c.quantity),
      fulfilledAt: new Date(c.fulfilled_at).toISOString(), named: c.show_name, url: `/projets/${c.project_id}`,
    })),
  };
}
