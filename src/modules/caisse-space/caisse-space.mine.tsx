import { SECURITY } from '../../platform/http/openapi.js';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor, RequestContext } from '../../platform/http/context.js';
import type { Module } from '../../platform/http/module.js';
import { requireActor } from '../../platform/http/guards.js';
import { sendPage } from '../../platform/views/render.js';
import { isPlatformAdmin, navAbilities, staffCaisseIds } from '../access/access.scope.js';
import { caissesRepository } from '../caisses/caisses.repository.js';

/** One caisse space the person may open. */
export type SpaceLink = { slug: string; name: string; href: string };
const spaceHref = (slug: string) => `/caisses/${slug}/espace`;

/** The staff's own caisses (a platform admin without a staff grant: every caisse), by name. */
async function mySpaces(deps: Pick<Deps, 'db'>, actor: Actor | null): Promise<SpaceLink[]> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!navAbilities(actor).staffSpace) throw new AppError('FORBIDDEN');
  const own = new Set(staffCaisseIds(actor));
  const all = await caissesRepository.list(deps.db);
  const mine = all.filter((c) => own.has(c.id));
  const shown = mine.length === 0 && isPlatformAdmin(actor) ? all : mine;
  return shown.map((c) => ({ slug: c.slug, name: c.name, href: spaceHref(c.slug) }));
}

function MySpacesPage({ ctx, spaces }: { ctx: RequestContext; spaces: SpaceLink[] }) {
  const { t } = ctx;
  return (
    <section class="stack">
      <h1>{t('caisseSpace.mine.title')}</h1>
      {spaces.length ? (
        <ul class="stack">{spaces.map((s) => <li><a href={s.href}>{t('caisseSpace.title', { caisse: s.name })}</a></li>)}</ul>
      ) : <p class="muted">{t('caisseSpace.mine.empty')}</p>}
    </section>
  );
}

const ZSpaceLinks = z.object({ items: z.array(z.object({ slug: z.string(), name: z.string(), href: z.string() })) });

/**
 * The header's "My caisse" entry (`/espace-caisse`): straight to the space of the staff's only
 * caisse, or a short list when there are several; the JSON twin lists them.
 */
export const mySpacesRoutes: Module = async (app, { deps }) => {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/me/caisse-spaces', { schema: { tags: ['caisses'], security: SECURITY.signedIn, description: 'The caisse staff spaces the caller may open: their own caisses (platform admins without a staff grant: every caisse). 403 for others.', response: { 200: ZSpaceLinks } } }, async (request) => ({ items: await mySpaces(deps, request.ctx.actor) }));

  app.get('/espace-caisse', async (request, reply) => {
    const spaces = await mySpaces(deps, requireActor(request));
    if (spaces.length === 1) return reply.redirect(spaces[0]!.href, 303);
    return sendPage(request, reply, <MySpacesPage ctx={request.ctx} spaces={spaces} />, { title: request.ctx.t('caisseSpace.mine.title'), nav: 'caisseSpace', noindex: true });
  });
};
