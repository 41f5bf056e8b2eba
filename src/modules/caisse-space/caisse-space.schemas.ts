import { z } from 'zod';

export const ZSpaceProjectParams = z.object({ slug: z.string().trim().min(1).max(80), id: z.string().min(1).max(40) });

/** Approve a submitted project, or send it back to its team with a message (required then). */
export const ZProjectDecisionBody = z
  .object({
    decision: z.enum(['approve', 'return']),
    note: z.string().trim().max(1000).default(''),
  })
  .strict();
export type TProjectDecisionBody = z.output<typeof ZProjectDecisionBody>;
