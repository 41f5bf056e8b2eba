import { z } from 'zod';

const currentYear = () => new Date().getUTCFullYear();

export const ZEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());
const ZPassword = z.string().min(10).max(200);
/** A checkbox from an HTML form ("on") or a JSON boolean. */
export const ZCheckbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true || v === '1', z.boolean());
const ZOptionalYear = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? undefined : Number(v)),
  z.number().int().min(1900).optional(),
);

export const ZRegisterBody = z
  .object({
    email: ZEmail,
    password: ZPassword,
    displayName: z.string().trim().min(2).max(80),
    territory: z.string().trim().min(1).max(80),
    locale: z.enum(['fr', 'en']).default('fr'),
    birthYear: ZOptionalYear,
    ageConfirmed: ZCheckbox,
    acceptTerms: ZCheckbox,
    newsletter: ZCheckbox.default(false),
    /** "For yourself or for an organisation?": the organisation path goes on to create it once the address is verified. */
    joiningAs: z.enum(['self', 'organisation']).default('self'),
  })
  .superRefine((v, ctx) => {
    if (!v.acceptTerms) ctx.addIssue({ code: 'custom', path: ['acceptTerms'], message: 'validation.mustAcceptTerms' });
    if (!v.ageConfirmed) ctx.addIssue({ code: 'custom', path: ['ageConfirmed'], message: 'validation.mustBe14' });
    if (v.birthYear !== undefined && (v.birthYear > currentYear() - 14 || v.birthYear > currentYear())) {
      ctx.addIssue({ code: 'custom', path: ['birthYear'], message: 'validation.under14' });
    }
  });
export type TRegisterBody = z.output<typeof ZRegisterBody>;

export const ZLoginBody = z.object({ email: ZEmail, password: z.string().min(1).max(200) });
export type TLoginBody = z.output<typeof ZLoginBody>;

/** A personal access token's lifetime in days: 30, 90 (the default) or 365; form strings are read as numbers. */
export const ZTokenLifetime = z
  .preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), z.literal([30, 90, 365], { message: 'validation.choice' }))
  .default(90)
  .describe('Days until the token expires: 30, 90 (default) or 365.');

export const ZTokenBody = z.object({
  email: ZEmail,
  password: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(60).default('API'),
  expiresInDays: ZTokenLifetime,
});

export const ZVerifyEmailBody = z.object({ token: z.string().min(10).max(200) });
export const ZResetRequestBody = z.object({ email: ZEmail });
export const ZResetConfirmBody = z.object({ token: z.string().min(10).max(200), password: ZPassword });
export const ZChangePasswordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: ZPassword });

export const ZAcceptedResponse = z.object({ status: z.literal('accepted'), message: z.string() });
