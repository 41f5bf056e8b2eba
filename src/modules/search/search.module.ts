import { defineModule } from '../../platform/module.js';
import { searchRoutes } from './search.routes.js';
import * as searchCatalogue from './search.i18n.js';

/** What the search module brings to the app (ADR 0011). */
export const searchModule = defineModule({
  name: 'search',
  plugins: [searchRoutes],
  catalogues: [searchCatalogue],
  nav: [{ key: 'search', href: '/recherche', label: 'search.nav', order: 60 }],
});
