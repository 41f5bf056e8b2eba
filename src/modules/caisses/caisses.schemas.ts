import { z } from 'zod';

export const ZCaisseSlugParams = z.object({ slug: z.string().trim().min(1).max(80) });
