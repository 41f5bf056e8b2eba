import { z } from 'zod';
import { REACTION_KINDS, REACTION_TARGETS } from './social.domain.js';

export const ZReactionBody = z
  .object({
    targetType: z.enum(REACTION_TARGETS),
    targetId: z.string().trim().min(1).max(40),
    kind: z.enum(REACTION_KINDS),
  })
  .strict();
export type TReactionBody = z.output<typeof ZReactionBody>;

/** The no-JS form: the same fields, whether the button was pressed (`on`), and where to go back. */
export const ZReactionForm = z.object({
  targetType: z.enum(REACTION_TARGETS),
  targetId: z.string().trim().min(1).max(40),
  kind: z.enum(REACTION_KINDS),
  on: z.enum(['1', '0']),
  returnTo: z.string().max(500).optional(),
});
