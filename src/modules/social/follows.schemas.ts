import { z } from 'zod';
import { ZListQuery } from '../../platform/pagination.js';
import { safeReturnPath } from '../../platform/http/guards.js';
import { FOLLOW_TARGETS } from './social.domain.js';

/** What to follow: its type and its id (a person's handle, an organisation's or a territory's slug also work). */
export const ZFollowBody = z.object({
  targetType: z.enum(FOLLOW_TARGETS),
  targetId: z.string().trim().min(1).max(100),
}).strict();
export type TFollowBody = z.output<typeof ZFollowBody>;

/** The HTML form also carries where to go back to (a relative path only). */
export const ZFollowForm = ZFollowBody.extend({
  returnTo: z.string().max(500).optional().transform((v) => safeReturnPath(v, '/fil')),
  /** The button was shown without its follower count (lists of what one follows). */
  compact: z.string().max(1).optional(),
}).strict();

export const ZFollowersQuery = ZListQuery.extend({ targetType: z.enum(FOLLOW_TARGETS), targetId: z.string().trim().min(1).max(100) });
export const ZFollowingQuery = ZListQuery;
