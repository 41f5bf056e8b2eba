import { defineModule } from '../../platform/module.js';
import { mediaRoutes } from './media.routes.js';

/** What the media module brings to the app (ADR 0011). */
export const mediaModule = defineModule({
  name: 'media',
  plugins: [mediaRoutes],
});
