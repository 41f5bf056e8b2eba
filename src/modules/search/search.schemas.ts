import { z } from 'zod';
import { ZListQuery } from '../../platform/pagination.js';
import { SEARCH_TYPES } from './search.types.js';

/** `GET /api/v1/search?q=&type=&limit=&cursor=`. */
export const ZSearchQuery = ZListQuery.extend({
  q: z.string().trim().min(2).max(200),
  type: z.enum(SEARCH_TYPES).optional().describe('Only this type; without it, projects, then offers, organisations and people.'),
});
export type TSearchQuery = z.output<typeof ZSearchQuery>;
