import { defineModule } from '../../platform/module.js';
import { moderationRoutes } from './moderation.routes.js';
import * as moderationCatalogue from './moderation.i18n.js';
import * as presenter from './moderation.presenter.js';
import { moderationErrors } from './moderation.errors.js';
import { moderationPersonalDataRepository } from './moderation.personal-data.repository.js';

/** What the moderation module brings to the app (ADR 0011). */
export const moderationModule = defineModule({
  name: 'moderation',
  plugins: [moderationRoutes],
  catalogues: [moderationCatalogue],
  errors: moderationErrors,
  presenters: [presenter],
  nav: [{ key: 'moderation', href: '/moderation', label: 'nav.moderation', order: 90, requires: 'moderation' }],
  personalData: { export: moderationPersonalDataRepository.export },
});
