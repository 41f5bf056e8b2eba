import { z } from 'zod';
import { REACTION_KINDS, REACTION_TARGETS, type ReactionKind, type ReactionTarget } from './social.domain.js';
import { zeroCounts, type ReactionCounts } from './reactions.types.js';

export const ZReactionCounts = z.object({ like: z.number().int(), bravo: z.number().int(), want_to_help: z.number().int() });

/** A target's reactions: counts per kind and the kinds the caller gave (empty for visitors). */
export const ZReactionSummary = z.object({
  targetType: z.enum(REACTION_TARGETS),
  targetId: z.string(),
  counts: ZReactionCounts,
  mine: z.array(z.enum(REACTION_KINDS)),
});
export type ReactionSummary = z.output<typeof ZReactionSummary>;

export function presentReactions(targetType: ReactionTarget, targetId: string, counts: ReactionCounts | undefined, mine: ReactionKind[] | undefined): ReactionSummary {
  const c = counts ?? zeroCounts();
  return { targetType, targetId, counts: { like: c.like, bravo: c.bravo, want_to_help: c.want_to_help }, mine: REACTION_KINDS.filter((k) => mine?.includes(k)) };
}
