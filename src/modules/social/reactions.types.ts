import { REACTION_KINDS, type ReactionKind } from './social.domain.js';

export type ReactionCounts = Record<ReactionKind, number>;
export const zeroCounts = (): ReactionCounts => Object.fromEntries(REACTION_KINDS.map((k) => [k, 0])) as ReactionCounts;
