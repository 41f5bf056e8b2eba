import type { Module } from '../../platform/http/module.js';
import { sendFragment } from '../../platform/views/render.js';
import { safeReturnPath } from '../../platform/http/guards.js';
import { parseInput } from '../../platform/validation.js';
import { react, unreact } from './reactions.service.js';
import { ZReactionForm } from './reactions.schemas.js';
import { ReactionsBar, parseReactionScope, reactionsAnchor } from './reactions.views.js';
import { helpLandingPath } from '../projects/projects.helpers.service.js';

/** The reaction toggle without JavaScript (redirect back to the bar) or with htmx (the bar, swapped in place). */
export const reactionsPages: Module = async (app, { deps }) => {
  app.post('/reactions', async (request, reply) => {
    const { on, returnTo, ...input } = parseInput(ZReactionForm, request.body);
    const summary = on === '1' ? (await react(deps, request.ctx.actor, input)).summary : await unreact(deps, request.ctx.actor, input);
    // "I want to help" on a project leads to its open needs, with a word saying the team was told.
    if (on === '1' && input.targetType === 'project' && input.kind === 'want_to_help') {
      const landing = helpLandingPath(input.targetId);
      if (request.headers['hx-request'] === 'true') return reply.header('HX-Redirect', landing).send('');
      return reply.redirect(landing, 303);
    }
    const back = safeReturnPath(returnTo, '/').split('#')[0]!;
    const raw = request.body as Record<string, unknown> | null;
    const scope = parseReactionScope(raw?.scope);
    if (request.headers['hx-request'] === 'true') return sendFragment(reply, <ReactionsBar ctx={request.ctx} summary={summary} canReact returnTo={back} compact={summary.targetType !== 'project' || raw?.compact === '1'} scope={scope} />);
    return reply.redirect(`${back}#${reactionsAnchor(summary, scope)}`, 303);
  });
};
