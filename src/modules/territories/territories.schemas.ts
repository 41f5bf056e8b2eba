import { z } from 'zod';
import { ROLLOUT_STATES, TERRITORY_KINDS } from './territories.tables.js';
import { ZEmail } from '../auth/auth.schemas.js';

export const ZSlugParams = z.object({ slug: z.string().trim().min(1).max(80) });

export const ZTerritoryListQuery = z.object({
  kind: z.enum(TERRITORY_KINDS).optional(),
  state: z.enum(ROLLOUT_STATES).optional(),
});
export type TTerritoryListQuery = z.output<typeof ZTerritoryListQuery>;

export const ZWaitlistBody = z.object({ email: ZEmail });
export type TWaitlistBody = z.output<typeof ZWaitlistBody>;

export const ZWaitlistAccepted = z.object({ status: z.literal('accepted'), message: z.string() });
