import { defineModule } from '../../platform/module.js';
import { territoriesRoutes } from './territories.routes.js';
import * as territoriesCatalogue from './territories.i18n.js';
import * as presenter from './territories.presenter.js';
import { rolloutJobs } from './territories.rollout.jobs.js';
import { territoriesErrors } from './territories.errors.js';

/** What the territories module brings to the app (ADR 0011). */
export const territoriesModule = defineModule({
  name: 'territories',
  plugins: [territoriesRoutes],
  catalogues: [territoriesCatalogue],
  errors: territoriesErrors,
  presenters: [presenter],
  jobs: (deps) => rolloutJobs(deps),
  nav: [{ key: 'territories', href: '/territoires', label: 'nav.territories', order: 70 }],
});
