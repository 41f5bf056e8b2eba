import { defineModule } from '../../platform/module.js';
import { pledgesRoutes } from './pledges.routes.js';
import * as pledgesCatalogue from './pledges.i18n.js';
import * as presenter from './pledges.presenter.js';
import { lapseOverduePledges } from './pledges.lapse.service.js';
import { pledgesErrors } from './pledges.errors.js';
import { pledgesPersonalDataRepository } from './pledges.personal-data.repository.js';

/** What the pledges module brings to the app (ADR 0011). */
export const pledgesModule = defineModule({
  name: 'pledges',
  plugins: [pledgesRoutes],
  catalogues: [pledgesCatalogue],
  errors: pledgesErrors,
  presenters: [presenter],
  jobs: (deps) => [
    { name: 'pledges.lapse', policy: 'short', schedule: { cron: '*/10 * * * *' }, expireInSeconds: 600, handler: async () => { await lapseOverduePledges(deps); } },
  ],
  personalData: {
    export: pledgesPersonalDataRepository.export,
    anonymise: async (tx, userId, { t }) => ({ withdrawnPledges: await pledgesPersonalDataRepository.withdrawOpen(tx, userId, t('pledges.withdrawnOnAccountDeletion')) }),
  },
});
