import { z } from 'zod';
import { CAMPAIGN_STATUSES } from '../crowdfunding/crowdfunding.domain.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { NEED_KINDS, type NeedKind } from '../needs/needs.domain.js';
import { PROJECT_CATEGORIES, PROJECT_STATUSES } from './projects.domain.js';
import { imageSources } from './projects.images.js';
import type { ProjectCardRow, ProjectDetailsRow, ProjectImageRow, ProjectUpdateRow, TeamMemberRow } from './projects.types.js';

const ZPlace = z.object({ slug: z.string(), name: z.string() });
const ZPersonRef = z.object({ handle: z.string(), displayName: z.string() });

export const ZProjectImage = z.object({
  id: z.string(),
  alt: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  src: z.string(),
  srcset: z.string(),
  position: z.number().int(),
  cover: z.boolean(),
});
export type ProjectImageView = z.output<typeof ZProjectImage>;

/** Set only for the people who still see content hidden by moderation (its team, moderators), with the reason. */
const ZHidden = z.object({ at: z.string(), reason: z.string() }).nullable();
export const ZProjectUpdate = z.object({ id: z.string(), title: z.string(), body: z.string(), author: ZPersonRef.nullable(), createdAt: z.string(), hidden: ZHidden });
export type ProjectUpdateView = z.output<typeof ZProjectUpdate>;

export const ZProject = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  summary: z.string(),
  description: z.string(),
  language: z.enum(['fr', 'en']),
  category: z.enum(PROJECT_CATEGORIES),
  status: z.enum(PROJECT_STATUSES),
  territory: ZPlace,
  caisse: ZPlace.nullable(),
  promoter: ZPersonRef,
  team: z.array(ZPersonRef.extend({ role: z.enum(['promoter', 'member']) })),
  images: z.array(ZProjectImage),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  hidden: ZHidden,
});
export type ProjectView = z.output<typeof ZProject>;

export const ZProjectCard = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  summary: z.string(),
  language: z.enum(['fr', 'en']),
  category: z.enum(PROJECT_CATEGORIES),
  status: z.enum(PROJECT_STATUSES),
  territory: ZPlace,
  cover: z.object({ src: z.string(), srcset: z.string(), width: z.number().int(), height: z.number().int(), alt: z.string() }).nullable(),
  /** Kinds of needs still asking for help, with how many. */
  openNeeds: z.array(z.object({ kind: z.enum(NEED_KINDS), count: z.number().int() })),
  /** With `q`: a search excerpt where only <mark> is markup (the text is escaped). */
  excerpt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** Won a call for projects whose results are published (the "lauréat·e" badge, call-reviews module). */
  laureate: z.boolean(),
  /** A linked crowdfunding campaign (crowdfunding module): platform and confirmed progress; null without one or once it failed. */
  campaign: z.object({ platform: z.string(), percent: z.number().int(), status: z.enum(CAMPAIGN_STATUSES) }).nullable(),
});
export type ProjectCardView = z.output<typeof ZProjectCard>;
export const ZProjectList = z.object({ items: z.array(ZProjectCard), nextCursor: z.string().nullable() });

export const projectUrl = (id: string) => `/projets/${id}`;
const name = (row: { nameFr: string; nameEn: string }, locale: Locale) => (locale === 'en' ? row.nameEn : row.nameFr);

export function presentImage(row: ProjectImageRow, coverId: string | null): ProjectImageView {
  const { src, srcset } = imageSources(row);
  return { id: row.id, alt: row.alt, width: row.width, height: row.height, src, srcset, position: row.position, cover: row.id === coverId };
}

/** The cover is the chosen image, else the first one. */
export function coverOf(images: ProjectImageRow[], coverImageId: string | null): string | null {
  return images.find((i) => i.id === coverImageId)?.id ?? images[0]?.id ?? null;
}

export function presentProject(row: ProjectDetailsRow, team: TeamMemberRow[], images: ProjectImageRow[], locale: Locale): ProjectView {
  const coverId = coverOf(images, row.coverImageId);
  return {
    id: row.id,
    url: projectUrl(row.id),
    title: row.title,
    summary: row.summary,
    description: row.description,
    language: row.language,
    category: row.category,
    status: row.status,
    territory: { slug: row.territory.slug, name: name(row.territory, locale) },
    caisse: row.caisse,
    promoter: row.promoter,
    team: team.filter((m) => !m.deleted).map((m) => ({ handle: m.handle, displayName: m.displayName, role: m.role })),
    images: images.map((i) => presentImage(i, coverId)),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    hidden: row.hiddenAt ? { at: row.hiddenAt.toISOString(), reason: row.hiddenReason ?? '' } : null,
  };
}

/** Belt and braces on top of the SQL escaping: any "<" that does not open or close a <mark> becomes text. */
export function safeExcerpt(excerpt: string | null): string | null {
  return excerpt === null ? null : excerpt.replace(/<(?!\/?mark>)/g, '&lt;');
}

export function presentCard(row: ProjectCardRow, openNeeds: { kind: NeedKind; count: number }[], locale: Locale, laureate = false, campaign: ProjectCardView['campaign'] = null): ProjectCardView {
  return {
    id: row.id,
    url: projectUrl(row.id),
    title: row.title,
    summary: row.summary,
    language: row.language,
    category: row.category,
    status: row.status,
    territory: { slug: row.territorySlug, name: locale === 'en' ? row.territoryNameEn : row.territoryNameFr },
    cover: row.cover ? { ...imageSources(row.cover), alt: row.cover.alt } : null,
    openNeeds,
    excerpt: safeExcerpt(row.excerpt),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    laureate,
    campaign,
  };
}

export function presentUpdate(row: ProjectUpdateRow): ProjectUpdateView {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    author: row.authorHandle && row.authorName ? { handle: row.authorHandle, displayName: row.authorName } : null,
    createdAt: row.createdAt.toISOString(),
    hidden: row.hiddenAt ? { at: row.hiddenAt.toISOString(), reason: row.hiddenReason ?? '' } : null,
  };
}
