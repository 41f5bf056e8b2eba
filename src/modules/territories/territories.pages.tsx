import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { listTerritoryProjects } from '../projects/projects.list.service.js';
import { TerritoryProjects } from '../projects/projects.views.js';
import { curatedBoardsFor } from '../boards/boards.service.js';
import { TerritoryBoards } from '../boards/boards.views.js';
import { impactFor } from '../impact/impact.service.js';
import { ImpactFigures } from '../impact/impact.views.js';
import { followState } from '../social/follows.service.js';
import { territoryFeed } from '../social/feed.service.js';
import { TerritoryFeedSection } from '../social/feed.views.js';
import { handleForm } from '../../platform/http/forms.js';
import { parseInput } from '../../platform/validation.js';
import * as territories from './territories.service.js';
import { territoryAbilities } from './territories.policy.js';
import { buildTerritoryTree } from './territories.presenter.js';
import { ZSlugParams, ZWaitlistBody } from './territories.schemas.js';
import { TerritoriesPage, TerritoryPage, type WaitlistFormState } from './territories.views.js';

/** HTML pages: the territory tree, one territory, and its no-JS waitlist form. */
export const territoriesPages: Module = async (app, { deps }) => {
  app.get('/territoires', async (request, reply) => {
    const { t, locale } = request.ctx;
    const tree = buildTerritoryTree(await territories.listTerritories(deps, locale));
    return sendPage(request, reply, <TerritoriesPage ctx={request.ctx} tree={tree} />, { title: t('territories.list.title'), description: t('territories.list.intro'), nav: 'territories' });
  });

  async function territoryPage(request: FastifyRequest, reply: FastifyReply, slug: string, form: WaitlistFormState, status = 200) {
    const page = await territories.getTerritory(deps, slug, request.ctx.locale);
    const can = territoryAbilities(page.territory, request.ctx.actor !== null, page.children.length > 0);
    const [cards, impact, follow, feed] = await Promise.all([
      listTerritoryProjects(deps, page.territory.id, 6, request.ctx.locale),
      impactFor(deps, { territoryId: page.territory.id }),
      followState(deps, request.ctx.actor, 'territory', page.territory.id),
      territoryFeed(deps, page.territory.slug, request.ctx.locale, request.ctx.t, 5),
    ]);
    const curatedBoards = await curatedBoardsFor(deps, page.territory.id, request.ctx.locale);
    const body = (
      <TerritoryPage ctx={request.ctx} page={page} can={can} form={form} follow={follow}>
        {cards.length ? <TerritoryProjects ctx={request.ctx} territorySlug={page.territory.slug} cards={cards} /> : null}
        <TerritoryBoards ctx={request.ctx} territorySlug={page.territory.slug} boards={curatedBoards} />
        {impact.pledges > 0 ? <ImpactFigures ctx={request.ctx} figures={impact} /> : null}
        <TerritoryFeedSection ctx={request.ctx} territory={feed.territory} items={feed.items} />
      </TerritoryPage>
    );
    return sendPage(request, reply, body, {
      title: page.territory.name,
      description: page.territory.description || request.ctx.t(`territories.stateSentence.${page.territory.rolloutState}`),
      nav: 'territories',
      status,
    });
  }

  app.get('/territoires/:slug', async (request, reply) => {
    const { slug } = parseInput(ZSlugParams, request.params);
    const accepted = (request.query as Record<string, unknown>).liste === 'merci';
    return territoryPage(request, reply, slug, { values: { email: request.ctx.actor?.email ?? '' }, accepted });
  });

  /** A reload or language switch after a failed form lands on the territory's page, not a 404. */
  app.get('/territoires/:slug/liste-attente', async (request, reply) => {
    const { slug } = parseInput(ZSlugParams, request.params);
    return reply.redirect(`/territoires/${encodeURIComponent(slug)}#liste-attente`, 303);
  });

  app.post('/territoires/:slug/liste-attente', async (request, reply) => {
    const { slug } = parseInput(ZSlugParams, request.params);
    return handleForm(request, reply, ZWaitlistBody,
      async ({ email }) => {
        await territories.joinWaitlist(deps, { slug, email, locale: request.ctx.locale, ip: request.ip });
        return reply.redirect(`/territoires/${encodeURIComponent(slug)}?liste=merci#liste-attente`, 303);
      },
      (state, status) => territoryPage(request, reply, slug, { values: state.values, errors: state.errors, accepted: false }, status),
    );
  });
};
