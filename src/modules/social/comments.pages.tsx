import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import type { Deps } from '../../platform/deps.js';
import { sendPage } from '../../platform/views/render.js';
import { handleForm } from '../../platform/http/forms.js';
import { safeReturnPath } from '../../platform/http/guards.js';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import * as comments from './comments.service.js';
import { discussionOn, visibleUpdate } from './comments.access.js';
import { ZCommentParams, ZCreateCommentBody, ZEditCommentBody, ZProjectCommentsParams } from './comments.schemas.js';
import { commentAnchor, CommentsPage, EditCommentPage, type CommentFormState } from './comments.views.js';

const PAGE = 20;
const returnTo = z.string().max(500).optional();
const ZCreateCommentForm = ZCreateCommentBody.extend({ returnTo });
const ZEditCommentForm = ZEditCommentBody.extend({ returnTo });
const backTo = (value: unknown, fallback: string) => safeReturnPath(value, fallback).split('#')[0]!;

/** `?nouvelle=<id>` (an update's thread) and `?cursor=` on the thread page; anything malformed is dropped. */
function threadQuery(request: FastifyRequest): { updateId?: string; cursor?: string } {
  const q = request.query as Record<string, unknown>;
  const ok = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;
  return { ...(ok(q.nouvelle, 40) ? { updateId: q.nouvelle as string } : {}), ...(ok(q.cursor, 200) ? { cursor: q.cursor as string } : {}) };
}

async function threadPage(deps: Deps, request: FastifyRequest, reply: FastifyReply, projectId: string, o: { updateId?: string | undefined; cursor?: string | undefined; form?: CommentFormState; status?: number }) {
  const actor = request.ctx.actor;
  const { discussion, updateTitle } = o.updateId
    ? await visibleUpdate(deps, actor, o.updateId, projectId).then((r) => ({ discussion: r.discussion, updateTitle: r.update.title }))
    : { discussion: await discussionOn(deps, actor, projectId), updateTitle: null };
  const target = o.updateId ? { type: 'update' as const, id: o.updateId } : { type: 'project' as const, id: projectId };
  const base = `/projets/${projectId}/commentaires${o.updateId ? `?nouvelle=${o.updateId}` : ''}`;
  const list = await comments.listComments(deps, actor, projectId, { updateId: o.updateId, limit: PAGE, cursor: o.cursor }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'VALIDATION_FAILED' && o.cursor) return comments.listComments(deps, actor, projectId, { updateId: o.updateId, limit: PAGE });
    throw err;
  });
  const sep = base.includes('?') ? '&' : '?';
  const data = {
    projectId, target, page: list, projectTitle: discussion.access.project.title, updateTitle,
    moreHref: list.nextCursor ? `${base}${sep}cursor=${list.nextCursor}` : null,
    canWrite: actor?.emailVerified ?? false, signedIn: actor !== null, returnTo: base, form: o.form,
  };
  const title = updateTitle ? request.ctx.t('comments.page.updateTitle', { title: updateTitle }) : request.ctx.t('comments.page.title', { title: data.projectTitle });
  return sendPage(request, reply, <CommentsPage ctx={request.ctx} data={data} />, { title, status: o.status ?? 200, noindex: o.cursor !== undefined });
}

/** HTML routes of comments: the thread page, posting, replying, editing and deleting without JavaScript. */
export const commentsPages: Module = async (app, { deps }) => {
  app.get('/projets/:id/commentaires', async (request, reply) => {
    const { id } = parseInput(ZProjectCommentsParams, request.params);
    return threadPage(deps, request, reply, id, threadQuery(request));
  });

  app.post('/projets/:id/commentaires', async (request, reply) => {
    const { id } = parseInput(ZProjectCommentsParams, request.params);
    return handleForm(request, reply, ZCreateCommentForm,
      async ({ returnTo: back, ...input }) => {
        const comment = await comments.createComment(deps, request.ctx.actor, id, input);
        return reply.redirect(`${backTo(back, `/projets/${id}`)}#${commentAnchor(comment.id)}`, 303);
      },
      (state, status) => {
        const values = state.values as Record<string, unknown>;
        const updateId = typeof values.updateId === 'string' && values.updateId ? values.updateId : undefined;
        const parentId = typeof values.parentId === 'string' && values.parentId ? values.parentId : undefined;
        const scope = parentId ? `reply-${parentId}` : `new-${updateId ?? id}`;
        return threadPage(deps, request, reply, id, { updateId, form: { scope, values, errors: state.errors }, status });
      },
    );
  });

  async function editPage(request: FastifyRequest, reply: FastifyReply, form?: CommentFormState, status = 200) {
    const { id } = parseInput(ZCommentParams, request.params);
    const comment = await comments.getComment(deps, request.ctx.actor, id);
    if (!comment.can.edit) throw new AppError(request.ctx.actor ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    const q = request.query as Record<string, unknown>;
    const back = backTo((form?.values.returnTo) ?? q.retour, `/projets/${comment.projectId}`);
    return sendPage(request, reply, <EditCommentPage ctx={request.ctx} comment={comment} form={form} returnTo={back} />, { title: request.ctx.t('comments.editTitle'), status, noindex: true });
  }

  app.get('/commentaires/:id/modifier', async (request, reply) => editPage(request, reply));

  app.post('/commentaires/:id/modifier', async (request, reply) => {
    const { id } = parseInput(ZCommentParams, request.params);
    return handleForm(request, reply, ZEditCommentForm,
      async ({ returnTo: back, ...input }) => {
        const comment = await comments.editComment(deps, request.ctx.actor, id, input);
        return reply.redirect(`${backTo(back, `/projets/${comment.projectId}`)}#${commentAnchor(comment.id)}`, 303);
      },
      (state, status) => editPage(request, reply, { scope: `edit-${id}`, values: state.values, errors: state.errors }, status),
    );
  });

  app.post('/commentaires/:id/supprimer', async (request, reply) => {
    const { id } = parseInput(ZCommentParams, request.params);
    const { projectId } = await comments.deleteComment(deps, request.ctx.actor, id);
    const back = backTo((request.body as Record<string, unknown> | undefined)?.returnTo, `/projets/${projectId}`);
    return reply.redirect(`${back}#${commentAnchor(id)}`, 303);
  });
};
