import { defineModule } from '../../platform/module.js';
import { contestsRoutes } from './contests.routes.js';
import * as contestsCatalogue from './contests.i18n.js';
import * as presenter from './contests.presenter.js';
import { contestsErrors } from './contests.errors.js';
import { contestsRepository } from './contests.repository.js';
import { contestsTick } from './contests.draw.service.js';

/** What the contests module brings to the app (ADR 0022). */
export const contestsModule = defineModule({
  name: 'contests',
  plugins: [contestsRoutes],
  catalogues: [contestsCatalogue],
  presenters: [presenter],
  errors: contestsErrors,
  nav: [{ key: 'contests', href: '/concours', label: 'contests.nav', order: 66 }],
  jobs: (deps) => [
    { name: 'contests.tick', policy: 'short', schedule: { cron: '*/5 * * * *' }, expireInSeconds: 600, handler: async () => { await contestsTick(deps); } },
  ],
  personalData: {
    export: (db, userId) => contestsRepository.exportFor(db, userId),
    anonymise: (tx, userId) => contestsRepository.unlinkPerson(tx, userId),
  },
});
