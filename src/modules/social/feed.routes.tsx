import { SECURITY } from '../../platform/http/openapi.js';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { AppError } from '../../platform/errors.js';
import { ZListQuery } from '../../platform/pagination.js';
import { sendFragment, sendPage } from '../../platform/views/render.js';
import { territoriesRepository } from '../territories/territories.repository.js';
import { territoryName } from '../territories/territories.presenter.js';
import { followingFeed, territoryFeed } from './feed.service.js';
import { ZFeedPage } from './feed.presenter.js';
import { FeedItems, FeedPage, FeedPickerPage, type FeedPageData } from './feed.views.js';

const tags = ['social'];
const PAGE = 20;
const ZFeedQuery = ZListQuery.extend({
  scope: z.enum(['following']).optional(),
  territory: z.string().trim().min(1).max(80).optional(),
});

const isHtmx = (request: FastifyRequest) => request.headers['hx-request'] === 'true';
const text = (v: unknown, max: number) => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined);

/** The feed: the JSON API and the `/fil` page (signed in: what I follow; else a territory's). */
export const feedRoutes: Module = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/feed', { schema: { tags, security: SECURITY.signedIn, description: 'Newest first, keyset pagination. `scope=following` (signed in, the default without `territory`): what the caller follows and their home territory; `territory=<slug>` (public): a territory and the ones below it. Repetitive items are grouped (runs of one kind on one project, at most 50), and `limit` counts items: groups never depend on the page size, so pages of any size concatenate to the same items. Each item says why it is shown (`why`).', querystring: ZFeedQuery, response: { 200: ZFeedPage } } }, async (request) => {
    const { limit, cursor, territory } = request.query;
    const { t, locale, actor } = request.ctx;
    if (territory) {
      const feed = await territoryFeed(deps, territory, locale, t, limit, cursor, actor?.id ?? null);
      return { items: feed.items, nextCursor: feed.nextCursor };
    }
    const feed = await followingFeed(deps, actor, locale, t, limit, cursor);
    return { items: feed.items, nextCursor: feed.nextCursor };
  });

  app.get('/fil', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const slug = text(query.territoire, 80);
    const rawCursor = text(query.cursor, 200);
    const { t, locale, actor } = request.ctx;
    /** A stale or hand-edited cursor starts over instead of failing. */
    const load = async <R,>(run: (cursor: string | undefined) => Promise<R>): Promise<R> => {
      try {
        return await run(rawCursor);
      } catch (err) {
        if (err instanceof AppError && err.code === 'VALIDATION_FAILED' && rawCursor) return run(undefined);
        throw err;
      }
    };
    const nextHref = (next: string | null) => (next ? `/fil?${new URLSearchParams({ ...(slug ? { territoire: slug } : {}), cursor: next }).toString()}` : null);
    let data: FeedPageData;
    if (slug) {
      const feed = await load((cursor) => territoryFeed(deps, slug, locale, t, PAGE, cursor, actor?.id ?? null));
      data = { scope: 'territory', items: feed.items, nextHref: nextHref(feed.nextCursor), territory: feed.territory, paged: rawCursor !== undefined };
    } else if (actor) {
      const feed = await load((cursor) => followingFeed(deps, actor, locale, t, PAGE, cursor));
      data = { scope: 'following', items: feed.items, nextHref: nextHref(feed.nextCursor), home: feed.home, paged: rawCursor !== undefined };
    } else {
      const rows = await territoriesRepository.listWithParent(deps.db, { kind: 'neighbourhood', states: ['pilot', 'open'] });
      const territories = rows.map((row) => ({ slug: row.slug, name: territoryName(row, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale));
      return sendPage(request, reply, <FeedPickerPage ctx={request.ctx} territories={territories} />, { title: t('social.feed.pickTerritory'), nav: 'feed' });
    }
    if (isHtmx(request) && rawCursor) return sendFragment(reply, <FeedItems ctx={request.ctx} items={data.items} nextHref={data.nextHref} />);
    const title = data.scope === 'territory' ? t('social.feed.titleTerritory', { name: data.territory.name }) : t('social.feed.title');
    return sendPage(request, reply, <FeedPage ctx={request.ctx} data={data} />, { title, nav: 'feed', noindex: data.scope === 'following' || rawCursor !== undefined });
  });
};
