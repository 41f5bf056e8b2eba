import { z } from 'zod';
import { ZListQuery } from '../../platform/pagination.js';
import { ENTRY_ACTIONS } from './contests.domain.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const day = z.string().trim().regex(DAY, 'validation.format').refine((v) => !Number.isNaN(Date.parse(`${v}T12:00:00Z`)), 'validation.format');
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const int = (min: number, max: number) => z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max));
const optionalInt = (min: number, max: number) => z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).optional());
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/**
 * Form posts flatten nested fields with dotted names (`prizes.0.nameFr`, `entryRules.pledge_fulfilled`);
 * the API sends JSON. Both become the same object, and errors come back under the same dotted names.
 */
function unflatten(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const parts = key.split('.');
    if (parts.length === 1 || parts.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype')) {
      out[key] = value;
      continue;
    }
    let node: Record<string, unknown> = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = value;
  }
  if (out.prizes && typeof out.prizes === 'object' && !Array.isArray(out.prizes)) {
    const rows = Object.entries(out.prizes as Record<string, Record<string, unknown>>).sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
    // A form row left entirely blank is not a prize.
    out.prizes = rows.filter((r) => Object.values(r).some((v) => typeof v !== 'string' || v.trim() !== ''));
  }
  return out;
}

const ZPrizeBody = z.object({
  nameFr: text(2, 160),
  nameEn: text(2, 160),
  quantity: int(1, 100),
  /** Value in dollars (whole), as the rules state it. */
  valueDollars: int(0, 100_000),
}).strict();

const ZEntryRulesBody = z.object(Object.fromEntries(ENTRY_ACTIONS.map((a) => [a, optionalInt(0, 100)])) as Record<(typeof ENTRY_ACTIONS)[number], ReturnType<typeof optionalInt>>).strict();

const contestFields = z.object({
  caisse: z.string().trim().regex(/^[a-z0-9-]{1,80}$/, 'validation.choice'),
  titleFr: text(3, 160),
  titleEn: text(3, 160),
  descriptionFr: text(10, 4000),
  descriptionEn: text(10, 4000),
  startsOn: day,
  endsOn: day,
  territories: z.preprocess((v) => (typeof v === 'string' ? [v] : v === undefined ? [] : v), z.array(z.string().trim().regex(/^[a-z0-9-]{1,80}$/)).min(1).max(20)),
  minAge: int(18, 99).default(18),
  membersOnly: checkbox.default(true),
  entryRules: ZEntryRulesBody,
  capPerPerson: int(1, 1000),
  prizes: z.array(ZPrizeBody).min(1).max(10),
  drawDate: day,
  drawTime: z.string().trim().regex(TIME, 'validation.format'),
  drawPlaceFr: text(3, 300),
  drawPlaceEn: text(3, 300),
  claimDays: int(1, 90),
  skillQuestion: text(5, 200),
  skillAnswer: int(-1_000_000, 1_000_000),
  howToldFr: text(5, 1000),
  howToldEn: text(5, 1000),
});

/** A new contest (or its edit, whole): what the published rules will carry (product.md). Cross-field rules live in the service. */
export const ZContestBody = contestFields.strict();
/** The same body posted by the HTML form, with dotted field names; an unticked box is absent, so false. */
export const ZContestForm = z.preprocess((input) => {
  const body = unflatten(input);
  return typeof body === 'object' && body !== null && !('membersOnly' in body) ? { ...body, membersOnly: false } : body;
}, ZContestBody);
export type TContestBody = z.output<typeof ZContestBody>;

export const ZContestParams = z.object({ id: z.string().min(1).max(80) });
export const ZContestSlugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/) });

export const ZContestListQuery = ZListQuery.extend({
  when: z.preprocess(blankToUndefined, z.enum(['current', 'upcoming', 'past']).optional()),
});
export type TContestListQuery = z.output<typeof ZContestListQuery>;

/** A winner answers the skill-testing question and attests their age and that they are not excluded. */
export const ZClaimBody = z.object({
  answer: z.preprocess(blankToUndefined, z.coerce.number().int().min(-1_000_000_000).max(1_000_000_000)),
  attest: checkbox.default(false),
}).strict();
export type TClaimBody = z.output<typeof ZClaimBody>;
