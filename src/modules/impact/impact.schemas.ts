import { z } from 'zod';

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const optional = <S extends z.ZodType>(s: S) => z.preprocess((v) => (blank(v) ? undefined : v), s.optional());

/** `?territory=<slug>&caisse=<slug>&from=YYYY-MM-DD&to=YYYY-MM-DD` (local days, both included). */
export const ZImpactQuery = z.object({
  territory: optional(z.string().trim().min(1).max(80)),
  caisse: optional(z.string().trim().min(1).max(80)),
  from: optional(z.iso.date()),
  to: optional(z.iso.date()),
});
export type TImpactQuery = z.output<typeof ZImpactQuery>;
