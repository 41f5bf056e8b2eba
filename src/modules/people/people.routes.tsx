import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { getPerson } from './people.service.js';
import { ZPerson } from './people.presenter.js';
import { ZPersonActivity } from './people.activity.js';
import { PersonPage } from './people.views.js';
import type { ViewerKind } from './people.policy.js';

const tags = ['people'];
const ZHandleParams = z.object({ handle: z.string().max(100) });
const PREVIEWS: Record<string, ViewerKind> = { visiteur: 'visitor', visitor: 'visitor', membre: 'member', member: 'member' };

/** Personal pages: the JSON view and the HTML page (French and English paths). */
export const peopleRoutes: Module = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const ZPersonWithBadges = ZPerson.extend({ badges: z.array(z.object({ kind: z.literal('delegate'), caisse: z.object({ slug: z.string(), name: z.string() }) })) });
  r.get('/api/v1/people/:handle', { schema: { tags, description: '`badges`: public roles, such as delegate of a caisse for the current term.', params: ZHandleParams, response: { 200: ZPersonWithBadges } } }, async (request) => {
    const page = await getPerson(deps, request.ctx.actor, request.params.handle, request.ctx.locale);
    return { ...page.person, badges: page.badges };
  });

  r.get('/api/v1/people/:handle/activity', { schema: { tags, description: 'What the person did, as the caller may see it: public projects they lead or help run, active offers, public boards (their own private ones too), and fulfilled help on public projects they agreed to be named for (all of theirs for themselves). Up to 12 of each, newest first.', params: ZHandleParams, response: { 200: ZPersonActivity } } }, async (request) => {
    const page = await getPerson(deps, request.ctx.actor, request.params.handle, request.ctx.locale);
    return page.activity;
  });

  const personPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const { handle } = ZHandleParams.parse(request.params);
    const apercu = (request.query as Record<string, unknown>).apercu;
    const preview = typeof apercu === 'string' ? PREVIEWS[apercu] : undefined;
    const page = await getPerson(deps, request.ctx.actor, handle, request.ctx.locale, preview);
    const previewing = page.isOwner && page.kind !== 'owner';
    return sendPage(request, reply, <PersonPage ctx={request.ctx} page={page} />, {
      title: page.person.displayName,
      ...(page.person.bio ? { description: page.person.bio.slice(0, 160) } : {}),
      noindex: !page.indexable || previewing,
    });
  };
  app.get('/membres/:handle', personPage);
  app.get('/members/:handle', personPage);
};
