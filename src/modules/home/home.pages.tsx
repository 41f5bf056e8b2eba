import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { loadHome } from './home.service.js';
import { HomePage } from './home.views.js';
import { PrivacyPage } from './privacy.views.js';
import { loadNeighbourhood } from './home.neighbourhood.js';
import { NeighbourhoodPage } from './home.neighbourhood.views.js';

/** The home page and the privacy page. */
export const homePages: Module = async (app, { deps }) => {
  app.get('/', async (request, reply) => {
    const { t, locale, actor } = request.ctx;
    if (actor) {
      const data = await loadNeighbourhood(deps, actor, locale, t);
      return sendPage(request, reply, <NeighbourhoodPage ctx={request.ctx} data={data} />, { title: t('home.mine.title', { name: actor.displayName }), nav: 'home', noindex: true });
    }
    const home = await loadHome(deps, locale);
    return sendPage(request, reply, <HomePage ctx={request.ctx} home={home} />, { title: t('home.title'), description: t('home.hero.lead'), nav: 'home' });
  });

  app.get('/confidentialite', async (request, reply) => {
    const { t } = request.ctx;
    return sendPage(request, reply, <PrivacyPage ctx={request.ctx} officer={deps.config.privacyOfficer} />, { title: t('home.privacy.title'), description: t('home.privacy.intro') });
  });
};
