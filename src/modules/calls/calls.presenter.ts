import { z } from 'zod';
import type { Locale } from '../../platform/i18n/i18n.js';
import { ORGANISATION_KINDS } from '../organisations/organisations.domain.js';
import { APPLICATION_FILE_MIMES, APPLICATION_STATUSES, CALL_LANGUAGES, CALL_PHASES, QUESTION_KINDS } from './calls.domain.js';
import type { CallRow, CallTerritoryRow, CriterionRow, QuestionRow } from './calls.repository.js';
import type { ApplicationRecord, MyApplicationRow } from './calls.applications.repository.js';
import type { ApplicationFileRow } from './calls.files.repository.js';
import { listBucket } from './calls.phase.js';

const ZRef = z.object({ slug: z.string(), name: z.string() });

export const ZCallQuestion = z.object({
  id: z.string(),
  kind: z.enum(QUESTION_KINDS),
  label: z.string(),
  help: z.string(),
  required: z.boolean(),
  choices: z.array(z.string()),
  maxLength: z.number().int().nullable(),
});
export const ZCallCriterion = z.object({ id: z.string(), label: z.string(), description: z.string(), weight: z.number().int() });

export const ZCallSummary = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  theme: z.string(),
  /** The language the call is written in. */
  language: z.enum(CALL_LANGUAGES),
  caisse: ZRef,
  territories: z.array(ZRef),
  phase: z.enum(CALL_PHASES),
  /** `upcoming`: published, opens later; `draft`: not published (its staff only). */
  status: z.enum(['draft', 'upcoming', 'open', 'past']),
  membersOnly: z.boolean(),
  allowedOrganisationKinds: z.array(z.enum(ORGANISATION_KINDS)),
  budgetCents: z.number().int(),
  maxPerProjectCents: z.number().int(),
  currency: z.literal('CAD'),
  opensAt: z.string(),
  submissionsCloseAt: z.string(),
  reviewEndsAt: z.string(),
  /** Null when the call has no public vote. */
  vote: z.object({ opensAt: z.string(), closesAt: z.string(), votesPerMember: z.number().int() }).nullable(),
  resultsAt: z.string(),
  /** How jury scores and public votes combine in the ranking (100 without a vote). */
  juryWeightPercent: z.number().int(),
  phaseChangedAt: z.string(),
});
export type CallSummaryView = z.output<typeof ZCallSummary>;

export const ZCall = ZCallSummary.extend({
  /** Markdown source. */
  description: z.string(),
  questions: z.array(ZCallQuestion),
  criteria: z.array(ZCallCriterion),
});
export type CallView = z.output<typeof ZCall>;
export const ZCallList = z.object({ items: z.array(ZCallSummary), nextCursor: z.string().nullable() });

/** A document answering a `file` question (ADR 0024); `url` downloads it, for those allowed to read the application's files. */
export const ZCallApplicationFile = z.object({
  questionId: z.string(),
  /** The sanitised name it was uploaded under. */
  name: z.string(),
  mime: z.enum(APPLICATION_FILE_MIMES),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  url: z.string(),
});
export type CallApplicationFileView = z.output<typeof ZCallApplicationFile>;

export const ZCallApplication = z.object({
  id: z.string(),
  call: z.object({ id: z.string(), slug: z.string(), title: z.string() }),
  project: z.object({ id: z.string(), title: z.string() }),
  /** Null once the person deleted their account. */
  applicant: z.object({ handle: z.string(), displayName: z.string() }).nullable(),
  status: z.enum(APPLICATION_STATUSES),
  requestedCents: z.number().int().nullable(),
  currency: z.literal('CAD'),
  /** Question id → text, number or choice. `file` questions are answered in `files`. */
  answers: z.record(z.string(), z.union([z.string(), z.number()])),
  files: z.array(ZCallApplicationFile),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CallApplicationView = z.output<typeof ZCallApplication>;
export const ZCallApplicationList = z.object({ items: z.array(ZCallApplication), nextCursor: z.string().nullable() });

/** One of "my applications" (`GET /api/v1/me/applications`, the /moi section). */
export const ZMyApplication = z.object({
  id: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  call: z.object({ id: z.string(), slug: z.string(), title: z.string(), language: z.enum(CALL_LANGUAGES), phase: z.enum(CALL_PHASES), submissionsCloseAt: z.string(), url: z.string() }),
  project: z.object({ id: z.string(), title: z.string(), url: z.string() }),
  requestedCents: z.number().int().nullable(),
  currency: z.literal('CAD'),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Where the caller edits it, while the call takes submissions and they promote the project; else null. */
  editUrl: z.string().nullable(),
});
export type MyApplicationView = z.output<typeof ZMyApplication>;
export const ZMyApplicationList = z.object({ items: z.array(ZMyApplication), nextCursor: z.string().nullable() });

export function presentMyApplication(r: MyApplicationRow, editable: boolean): MyApplicationView {
  return {
    id: r.id,
    status: r.status,
    call: { id: r.callId, slug: r.callSlug, title: r.callTitle, language: r.callLanguage, phase: r.callPhase, submissionsCloseAt: r.submissionsCloseAt.toISOString(), url: `/appels/${r.callSlug}` },
    project: { id: r.projectId, title: r.projectTitle, url: `/projets/${r.projectId}` },
    requestedCents: r.requestedCents,
    currency: 'CAD',
    submittedAt: r.submittedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    editUrl: editable ? `/appels/${r.callSlug}/candidature?id=${encodeURIComponent(r.id)}` : null,
  };
}

const named = (t: CallTerritoryRow, locale: Locale) => ({ slug: t.slug, name: locale === 'en' ? t.nameEn : t.nameFr });

export function presentCallSummary(c: CallRow, caisse: { slug: string; name: string }, territories: CallTerritoryRow[], locale: Locale): CallSummaryView {
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    theme: c.theme,
    language: c.language,
    caisse: { slug: caisse.slug, name: caisse.name },
    territories: territories.map((t) => named(t, locale)),
    phase: c.phase,
    status: listBucket(c),
    membersOnly: c.membersOnly,
    allowedOrganisationKinds: c.allowedOrganisationKinds.filter((k): k is (typeof ORGANISATION_KINDS)[number] => (ORGANISATION_KINDS as readonly string[]).includes(k)),
    budgetCents: c.budgetCents,
    maxPerProjectCents: c.maxPerProjectCents,
    currency: 'CAD',
    opensAt: c.opensAt.toISOString(),
    submissionsCloseAt: c.submissionsCloseAt.toISOString(),
    reviewEndsAt: c.reviewEndsAt.toISOString(),
    vote: c.voteOpensAt && c.voteClosesAt ? { opensAt: c.voteOpensAt.toISOString(), closesAt: c.voteClosesAt.toISOString(), votesPerMember: c.votesPerMember ?? 1 } : null,
    resultsAt: c.resultsAt.toISOString(),
    juryWeightPercent: c.juryWeightPercent,
    phaseChangedAt: c.phaseChangedAt.toISOString(),
  };
}

export function presentCall(c: CallRow, caisse: { slug: string; name: string }, territories: CallTerritoryRow[], questions: QuestionRow[], criteria: CriterionRow[], locale: Locale): CallView {
  return {
    ...presentCallSummary(c, caisse, territories, locale),
    description: c.description,
    questions: questions.map((q) => ({ id: q.id, kind: q.kind, label: q.label, help: q.help, required: q.required, choices: [...q.choices], maxLength: q.maxLength })),
    criteria: criteria.map((k) => ({ id: k.id, label: k.label, description: k.description, weight: k.weight })),
  };
}

export function presentApplicationFile(f: ApplicationFileRow, callId: string): CallApplicationFileView {
  return { questionId: f.questionId, name: f.fileName, mime: f.mime, sizeBytes: f.sizeBytes, uploadedAt: f.createdAt.toISOString(), url: `/api/v1/calls/${callId}/applications/${f.applicationId}/files/${f.questionId}` };
}

export function presentApplication(a: ApplicationRecord, call: { id: string; slug: string; title: string }, files: readonly ApplicationFileRow[] = []): CallApplicationView {
  return {
    id: a.id,
    call: { id: call.id, slug: call.slug, title: call.title },
    project: { id: a.project.id, title: a.project.title },
    applicant: a.applicant,
    status: a.status,
    requestedCents: a.requestedCents,
    currency: 'CAD',
    answers: { ...a.answers },
    files: files.map((f) => presentApplicationFile(f, call.id)),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
