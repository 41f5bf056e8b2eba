import { z } from 'zod';
import { ZCheckbox, ZEmail } from '../auth/auth.schemas.js';
import { CAPACITY_KINDS, CAPACITY_PERIODS, PARTNERSHIP_STATUSES } from './partners.domain.js';

const SLUG = /^[a-z0-9-]{1,80}$/;
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Signing a caisse's charter: the box must be ticked (the service says so in the reader's language). */
export const ZSignCharterBody = z.object({ caisse: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().regex(SLUG, 'validation.choice')), accept: ZCheckbox.default(false) }).strict();
export type TSignCharterBody = z.output<typeof ZSignCharterBody>;

export const ZPartnershipParams = z.object({ slug: z.string().trim().toLowerCase().regex(SLUG), caisse: z.string().trim().toLowerCase().regex(SLUG) });

/** Staff suspend (with a reason, shown to the organisation) or reinstate a partnership. */
export const ZPartnershipStatusBody = z
  .object({ status: z.enum(PARTNERSHIP_STATUSES), reason: z.string().trim().max(1000).default('') })
  .strict()
  .refine((b) => b.status !== 'suspended' || b.reason.length > 0, { message: 'validation.suspendReason', path: ['reason'] });
export type TPartnershipStatusBody = z.output<typeof ZPartnershipStatusBody>;

/** A standing capacity. `amount` is in the kind's unit: hours, loans (items), cents, or units for "other". */
export const ZCapacityBody = z
  .object({
    kind: z.enum(CAPACITY_KINDS),
    amount: z.coerce.number().int().min(1).max(100_000_000),
    period: z.enum(CAPACITY_PERIODS),
    labelFr: z.string().trim().min(2).max(160),
    labelEn: z.string().trim().min(2).max(160),
  })
  .strict();
export type TCapacityBody = z.output<typeof ZCapacityBody>;
export const ZCapacityParams = z.object({ slug: z.string().trim().toLowerCase().regex(SLUG), id: z.string().min(1).max(40) });

export const ZInvitationBody = z.object({ email: ZEmail, role: z.enum(['representative', 'member']).default('member') }).strict();
export type TInvitationBody = z.output<typeof ZInvitationBody>;
export const ZAcceptInvitationBody = z.object({ token: z.string().trim().min(10).max(200) }).strict();
export const ZTransferBody = z.object({ handle: z.string().trim().toLowerCase().min(1).max(60), confirm: ZCheckbox.default(false) }).strict();
export type TTransferBody = z.output<typeof ZTransferBody>;
