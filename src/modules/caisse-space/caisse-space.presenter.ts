import { z } from 'zod';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { NamedTerritory, NeedLine, PartnerLine, PersonLine, PledgeLine, ProjectLine, ReportCount } from './caisse-space.repository.js';

const ZRef = z.object({ slug: z.string(), name: z.string() });
const named = (t: NamedTerritory, locale: Locale) => ({ slug: t.slug, name: locale === 'en' ? t.nameEn : t.nameFr });

export const ZProjectLine = z.object({ id: z.string(), title: z.string(), status: z.string(), promoter: z.string(), territory: ZRef, since: z.string() });
export const ZPledgeLine = z.object({ id: z.string(), project: z.object({ id: z.string(), title: z.string() }), need: z.string(), supporter: z.string().nullable(), territory: ZRef, proposedAt: z.string() });
export const ZNeedLine = z.object({ id: z.string(), project: z.object({ id: z.string(), title: z.string() }), title: z.string(), kind: z.string(), territory: ZRef, since: z.string() });
export const ZPersonLine = z.object({ handle: z.string(), displayName: z.string() });
export const ZPartnerLine = z.object({ slug: z.string(), name: z.string(), kind: z.string(), since: z.string() });
export const ZReportCount = z.object({ territory: ZRef, open: z.number().int() });

export const presentProject = (p: ProjectLine, locale: Locale): z.output<typeof ZProjectLine> => ({ id: p.id, title: p.title, status: p.status, promoter: p.promoterName, territory: named(p.territory, locale), since: p.updatedAt.toISOString() });
export const presentPledge = (p: PledgeLine, locale: Locale): z.output<typeof ZPledgeLine> => ({ id: p.id, project: { id: p.projectId, title: p.projectTitle }, need: p.needTitle, supporter: p.supporterName, territory: named(p.territory, locale), proposedAt: p.createdAt.toISOString() });
export const presentNeed = (n: NeedLine, locale: Locale): z.output<typeof ZNeedLine> => ({ id: n.id, project: { id: n.projectId, title: n.projectTitle }, title: n.title, kind: n.kind, territory: named(n.territory, locale), since: n.createdAt.toISOString() });
export const presentPerson = (p: PersonLine): z.output<typeof ZPersonLine> => ({ handle: p.handle, displayName: p.displayName });
export const presentPartner = (p: PartnerLine): z.output<typeof ZPartnerLine> => ({ slug: p.slug, name: p.name, kind: p.kind, since: p.since.toISOString() });
export const presentReportCount = (r: ReportCount, locale: Locale): z.output<typeof ZReportCount> => ({ territory: named(r, locale), open: r.open });

export type ProjectLineView = z.output<typeof ZProjectLine>;
export type PledgeLineView = z.output<typeof ZPledgeLine>;
export type NeedLineView = z.output<typeof ZNeedLine>;
export type PartnerLineView = z.output<typeof ZPartnerLine>;
export type PersonLineView = z.output<typeof ZPersonLine>;
