import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { idempotent } from '../../platform/idempotency.js';
import * as comments from './comments.service.js';
import { ZComment, ZCommentList } from './comments.presenter.js';
import { ZCommentListQuery, ZCommentParams, ZCreateCommentBody, ZEditCommentBody, ZProjectCommentsParams } from './comments.schemas.js';
import { commentsPages } from './comments.pages.js';

const tags = ['social'];
const visibility = 'Only on published, in-progress and completed projects the caller may see (else 404 PROJECT_NOT_FOUND). A comment hidden by moderation has no body for anyone but its author and moderators.';

/** JSON API of threaded comments on projects and their updates, then the HTML routes. */
export const commentsRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/projects/:id/comments', {
    schema: { tags, description: `Top-level comments oldest first (keyset pages), each with its replies embedded (two levels). \`update=<id>\` lists the comments of one of the project's updates. Deleted comments are tombstones (state \`deleted\`, no body) kept while they have replies. ${visibility}`, params: ZProjectCommentsParams, querystring: ZCommentListQuery, response: { 200: ZCommentList } },
  }, async (request) => comments.listComments(deps, request.ctx.actor, request.params.id, { updateId: request.query.update, limit: request.query.limit, cursor: request.query.cursor }));

  r.post('/api/v1/projects/:id/comments', {
    schema: { tags, description: `Comments on the project, or on one of its updates (\`updateId\`); \`parentId\` makes it a reply (a reply to a reply joins its top-level thread). Markdown subset (no images, no headings, http(s) links only), 1–5,000 characters; \`@handle\` mentions notify (10 at most). 10 comments a minute. Honours \`Idempotency-Key\`. ${visibility}`, params: ZProjectCommentsParams, body: ZCreateCommentBody, response: { 201: ZComment } },
  }, async (request, reply) => idempotent(deps.db, request, reply, async () => ({ status: 201, body: await comments.createComment(deps, request.ctx.actor, request.params.id, request.body) })));

  r.patch('/api/v1/comments/:id', {
    schema: { tags, description: 'The author edits their comment (not once deleted or hidden); it shows as edited. People newly mentioned are notified.', params: ZCommentParams, body: ZEditCommentBody, response: { 200: ZComment } },
  }, async (request) => comments.editComment(deps, request.ctx.actor, request.params.id, request.body));

  r.delete('/api/v1/comments/:id', {
    schema: { tags, description: 'The author deletes their comment: a tombstone keeps the thread and its replies.', params: ZCommentParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await comments.deleteComment(deps, request.ctx.actor, request.params.id);
    return reply.status(204).send(null);
  });

  await app.register(commentsPages, opts);
};
