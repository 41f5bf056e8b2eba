import { defineModule } from '../../platform/module.js';
import { crowdfundingRoutes } from './crowdfunding.routes.js';
import * as crowdfundingCatalogue from './crowdfunding.i18n.js';
import * as presenter from './crowdfunding.presenter.js';
import { crowdfundingErrors } from './crowdfunding.errors.js';
import { crowdfundingRepository } from './crowdfunding.repository.js';
import { refreshPendingPreviews } from './crowdfunding.preview.service.js';
import { settleDueCampaigns } from './crowdfunding.settle.service.js';

/** What crowdfunding links and matchfunding bring to the app (ADR 0023). */
export const crowdfundingModule = defineModule({
  name: 'crowdfunding',
  plugins: [crowdfundingRoutes],
  catalogues: [crowdfundingCatalogue],
  presenters: [presenter],
  errors: crowdfundingErrors,
  jobs: (deps) => [
    // A new link or a refresh marks the preview pending; this job reads it through the SSRF-safe fetcher.
    { name: 'crowdfunding.previews', policy: 'short', schedule: { cron: '* * * * *' }, expireInSeconds: 300, handler: async () => { await refreshPendingPreviews(deps); } },
    // Campaigns past their end date: succeeded, failed (all-or-nothing) or ended (keep-it-all).
    { name: 'crowdfunding.settle', policy: 'short', schedule: { cron: '*/5 * * * *' }, expireInSeconds: 300, handler: async () => { await settleDueCampaigns(deps); } },
  ],
  personalData: {
    export: async (db, userId) => ({ crowdfundingSnapshots: (await crowdfundingRepository.snapshotsSubmittedBy(db, userId)) }),
    anonymise: async (tx, userId) => { await crowdfundingRepository.forgetPerson(tx, userId); },
  },
});
