import { z } from 'zod';
import { MATERIAL_MODES, NEED_KINDS, type NeedKind, type NeedUnit } from './needs.domain.js';
import { UNIT_BY_KIND } from './needs.status.js';

export const ZNeedParams = z.object({ id: z.string().min(1).max(40) });

const blank = (v: unknown) => v === '' || (typeof v === 'string' && v.trim() === '');
/** JSON numbers, or form strings ("" is "not given"; words are "not valid" rather than "missing"). */
const int = (min: number, max: number) =>
  z.preprocess((v, ctx) => {
    if (blank(v)) return undefined;
    if (typeof v !== 'string') return v;
    if (Number.isFinite(Number(v))) return Number(v);
    ctx.addIssue({ code: 'custom', message: 'validation.invalid' });
    return z.NEVER;
  }, z.number().int().min(min).max(max));
const optionalDate = z.preprocess((v) => (blank(v) ? null : v), z.iso.date().nullable());
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true || v === '1', z.boolean());
/** A list in JSON, or "a, b, c" from a form. */
const skills = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
  z.array(z.string().trim().min(1).max(60)).max(12),
);

/** How much of each unit a need may ask for: 10 000 hours or items, $1,000,000. */
const QUANTITY_MAX: Record<NeedUnit, number> = { hours: 10_000, items: 10_000, cents: 100_000_000 };

const common = {
  title: z.string().trim().min(3).max(120),
  description: z.string().trim().max(2000).default(''),
  quantity: int(1, QUANTITY_MAX.cents),
  paid: checkbox.default(false),
  rateCents: int(1, 1_000_000).nullable().optional(),
  loanTermMonths: int(1, 360).nullable().optional(),
  loanRateBps: int(0, 10_000).nullable().optional(),
  materialMode: z.preprocess((v) => (blank(v) ? null : v), z.enum(MATERIAL_MODES).nullable().optional()),
  returnDate: optionalDate.optional(),
  skills: skills.default([]),
  deadline: optionalDate.optional(),
};

/** The fields whose meaning depends on the kind. */
export type KindFields = {
  quantity: number;
  paid: boolean;
  rateCents?: number | null | undefined;
  loanTermMonths?: number | null | undefined;
  loanRateBps?: number | null | undefined;
  materialMode?: 'lend' | 'give' | null | undefined;
  returnDate?: string | null | undefined;
};

/** Rules that depend on the kind: the unit's cap, paid expertise's rate, a loan's terms, a loan of material's return date. */
export function kindIssues(kind: NeedKind, v: KindFields): { path: string; message: string; params?: Record<string, unknown> }[] {
  const issues: { path: string; message: string; params?: Record<string, unknown> }[] = [];
  const max = QUANTITY_MAX[UNIT_BY_KIND[kind]];
  if (typeof v.quantity === 'number' && v.quantity > max) issues.push({ path: 'quantity', message: 'validation.tooBig', params: { max } });
  if (kind === 'expertise' && v.paid && (v.rateCents === null || v.rateCents === undefined)) issues.push({ path: 'rateCents', message: 'validation.required' });
  if (kind === 'loan' && (v.loanTermMonths === null || v.loanTermMonths === undefined)) issues.push({ path: 'loanTermMonths', message: 'validation.required' });
  if (kind === 'loan' && (v.loanRateBps === null || v.loanRateBps === undefined)) issues.push({ path: 'loanRateBps', message: 'validation.required' });
  if (kind === 'material' && !v.materialMode) issues.push({ path: 'materialMode', message: 'validation.choice' });
  if (kind === 'material' && v.materialMode === 'lend' && !v.returnDate) issues.push({ path: 'returnDate', message: 'validation.required' });
  return issues;
}

/** Keeps only the fields that mean something for the kind, and sets the unit. */
export function normaliseKindFields(kind: NeedKind, v: KindFields) {
  const expertise = kind === 'expertise';
  const loan = kind === 'loan';
  const material = kind === 'material';
  return {
    unit: UNIT_BY_KIND[kind],
    quantity: v.quantity,
    paid: expertise ? v.paid : false,
    rateCents: expertise && v.paid ? (v.rateCents ?? null) : null,
    loanTermMonths: loan ? (v.loanTermMonths ?? null) : null,
    loanRateBps: loan ? (v.loanRateBps ?? null) : null,
    materialMode: material ? (v.materialMode ?? null) : null,
    returnDate: material && v.materialMode === 'lend' ? (v.returnDate ?? null) : null,
  };
}

export const ZCreateNeedBody = z
  .object({ kind: z.enum(NEED_KINDS), ...common })
  .strict()
  .superRefine(
    (v, ctx) => {
      for (const issue of kindIssues(v.kind, v)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message, params: issue.params ?? {} });
    },
    // Also when other fields are wrong, so every field to fix is listed at once.
    { when: (payload) => (NEED_KINDS as readonly unknown[]).includes((payload.value as { kind?: unknown } | undefined)?.kind) },
  );
export type TCreateNeedBody = z.output<typeof ZCreateNeedBody>;

/** Everything but the kind may change; `closed` closes (or reopens) the need. */
export const ZUpdateNeedBody = z
  .object({
    title: common.title.optional(),
    description: z.string().trim().max(2000).optional(),
    quantity: common.quantity.optional(),
    paid: checkbox.optional(),
    rateCents: common.rateCents,
    loanTermMonths: common.loanTermMonths,
    loanRateBps: common.loanRateBps,
    materialMode: common.materialMode,
    returnDate: common.returnDate,
    skills: skills.optional(),
    deadline: common.deadline,
    closed: z.boolean().optional(),
  })
  .strict();
export type TUpdateNeedBody = z.output<typeof ZUpdateNeedBody>;
