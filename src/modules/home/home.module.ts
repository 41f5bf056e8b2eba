import { defineModule } from '../../platform/module.js';
import { homePages } from './home.pages.js';
import * as homeCatalogue from './home.i18n.js';
import * as presenter from './home.presenter.js';

/** What the home module brings to the app (ADR 0011). */
export const homeModule = defineModule({
  name: 'home',
  plugins: [homePages],
  catalogues: [homeCatalogue],
  presenters: [presenter],
  nav: [{ key: 'home', href: '/', label: 'nav.home', order: 10 }],
});
