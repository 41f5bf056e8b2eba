import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { ZSearchPage } from './search.presenter.js';
import { ZSearchQuery } from './search.schemas.js';
import { search, searchSections } from './search.service.js';
import { SEARCH_TYPES } from './search.types.js';
import { SearchPage, type SearchPageData } from './search.views.js';

const tags = ['search'];
const PER_SECTION = 5;

/** `GET /api/v1/search` and its page `/recherche` (`/search`). */
export const searchRoutes: Module = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/search', {
    schema: {
      tags,
      summary: 'Search projects, offers, organisations and people',
      description: 'Accent- and case-insensitive (“eglise” finds “Église”). Without `type`, projects come first, then offers, organisations and people, newest first within each; pages run on from one type into the next. Only what the caller may see: nothing hidden by moderation, no suspended or deleted people, skills only when their privacy allows.',
      querystring: ZSearchQuery,
      response: { 200: ZSearchPage },
    },
  }, async (request) => search(deps, request.ctx.actor, request.query));

  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    const raw = request.query as Record<string, unknown>;
    const q = typeof raw.q === 'string' ? raw.q.trim().slice(0, 200) : '';
    const type = SEARCH_TYPES.find((s) => s === raw.type) ?? null;
    const cursor = typeof raw.cursor === 'string' ? raw.cursor : undefined;
    const data: SearchPageData = { q, type, sections: null, items: null, nextHref: null, prompt: q.length < 2, errorKey: q.length === 1 ? 'search.prompt' : null };
    if (!data.prompt) {
      if (type) {
        const result = await search(deps, request.ctx.actor, { q, type, limit: 20, cursor }).catch(() => search(deps, request.ctx.actor, { q, type, limit: 20 }));
        data.items = result.items;
        data.nextHref = result.nextCursor ? `/recherche?${new URLSearchParams({ q, type, cursor: result.nextCursor }).toString()}` : null;
      } else {
        data.sections = await searchSections(deps, request.ctx.actor, q, PER_SECTION);
      }
    }
    const t = request.ctx.t;
    return sendPage(request, reply, <SearchPage ctx={request.ctx} data={data} />, { title: data.prompt ? t('search.title') : t('search.titleFor', { q }), noindex: true, nav: 'search' });
  };
  app.get('/recherche', page);
  app.get('/search', page);
};
