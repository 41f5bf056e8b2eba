import { z } from 'zod';

/** Deleting an account: the current password, and an explicit confirmation (a ticked box in the form). */
export const ZDeleteAccountBody = z.object({
  password: z.string().min(1).max(200),
  confirm: z.union([z.literal(true), z.literal('on'), z.literal('true')]).transform(() => true as const),
});
export type TDeleteAccountBody = z.output<typeof ZDeleteAccountBody>;
