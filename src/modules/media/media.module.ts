import { defineModule } from '../../platform/module.js';
import { mediaRoutes } from './media.routes.js';
import * as mediaCatalogue from './media.i18n.js';
import { mediaErrors } from './media.errors.js';

/** What the media module brings to the app (ADR 0011). */
export const mediaModule = defineModule({
  name: 'media',
  plugins: [mediaRoutes],
  catalogues: [mediaCatalogue],
  errors: mediaErrors,
});
