import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ZPendingSnapshot } from '../crowdfunding/crowdfunding.presenter.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm } from '../../platform/http/forms.js';
import { requireActor } from '../../platform/http/guards.js';
import { parseInput } from '../../platform/validation.js';
import type { FormErrors } from '../../platform/views/forms.js';
import { ZCaisseSlugParams } from '../caisses/caisses.schemas.js';
import { ZImpactTotals, presentImpact } from '../impact/impact.presenter.js';
import { ZDelegate } from '../delegates/delegates.presenter.js';
import { caisseSpace, decideProject, UNANSWERED_DAYS } from './caisse-space.service.js';
import { ZNeedLine, ZPartnerLine, ZPledgeLine, ZProjectLine, ZReportCount } from './caisse-space.presenter.js';
import { ZProjectDecisionBody, ZSpaceProjectParams } from './caisse-space.schemas.js';
import { CaisseSpacePage } from './caisse-space.views.js';

const tags = ['caisses'];
const ZSpace = z.object({
  caisse: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  approvals: z.array(ZProjectLine),
  unansweredPledges: z.array(ZPledgeLine),
  unmatchedNeeds: z.array(ZNeedLine),
  delegates: z.object({ current: z.array(ZDelegate), pending: z.number().int(), registrationOpen: z.boolean() }),
  partners: z.array(ZPartnerLine),
  impact: ZImpactTotals,
  reports: z.array(ZReportCount),
  pendingAmounts: z.array(ZPendingSnapshot),
});

/** The caisse staff space: `/caisses/:slug/espace` and its API twin `/api/v1/caisses/:slug/space`. */
export const caisseSpaceRoutes: Module = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/caisses/:slug/space', { schema: { tags, description: `Staff of the caisse (or platform admins): projects awaiting approval in its territories, pledges unanswered for ${UNANSWERED_DAYS} days, needs with no offer, delegates, partners, impact and open reports per territory. Approve or send back a project with \`POST /api/v1/projects/{id}/transitions\` (\`published\` or \`draft\` with a note) or the route below.`, params: ZCaisseSlugParams, response: { 200: ZSpace } } }, async (request) => {
    const space = await caisseSpace(deps, request.ctx.actor, request.params.slug, request.ctx.locale);
    return { ...space, impact: presentImpact(space.impact) };
  });

  r.post('/api/v1/caisses/:slug/approvals/:id', { schema: { tags, description: 'Staff of the caisse approve a submitted project of its territories (`approve`) or send it back to its team with a note (`return`).', params: ZSpaceProjectParams, body: ZProjectDecisionBody, response: { 204: z.null() } } }, async (request, reply) => {
    await decideProject(deps, request.ctx.actor, request.params.slug, request.params.id, request.body);
    return reply.status(204).send(null);
  });

  async function spacePage(request: FastifyRequest, reply: FastifyReply, errorsFor?: { id: string; errors: FormErrors }, status = 200) {
    requireActor(request);
    const { slug } = parseInput(ZCaisseSlugParams, request.params);
    const data = await caisseSpace(deps, request.ctx.actor, slug, request.ctx.locale);
    const done = (request.query as Record<string, unknown>).fait === 'decision' ? request.ctx.t('caisseSpace.approvals.done') : undefined;
    return sendPage(request, reply, <CaisseSpacePage ctx={request.ctx} data={data} days={UNANSWERED_DAYS} notice={done} errorsFor={errorsFor} />, { title: request.ctx.t('caisseSpace.title', { caisse: data.caisse.name }), status, noindex: true, nav: 'caisseSpace' });
  }

  app.get('/caisses/:slug/espace', async (request, reply) => spacePage(request, reply));

  app.post('/caisses/:slug/espace/projets/:id/decision', async (request, reply) => {
    const { slug, id } = parseInput(ZSpaceProjectParams, request.params);
    return handleForm(request, reply, ZProjectDecisionBody,
      async (input) => {
        await decideProject(deps, request.ctx.actor, slug, id, input);
        return reply.redirect(`/caisses/${slug}/espace?fait=decision`, 303);
      },
      (state, status) => spacePage(request, reply, { id, errors: state.errors ?? {} }, status),
    );
  });
};
