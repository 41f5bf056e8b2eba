import { SECURITY } from '../../platform/http/openapi.js';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Module } from '../../platform/http/module.js';
import { idempotent } from '../../platform/idempotency.js';
import * as conversations from './messages.service.js';
import { ZConversation, ZConversationList, ZMessage, ZMessageList } from './messages.presenter.js';
import { ZBlockBody, ZConversationListQuery, ZConversationParams, ZHandleParams, ZMessageBody, ZMessageListQuery, ZStartConversationBody } from './messages.schemas.js';
import { messagesPages } from './messages.pages.js';

const tags = ['messages'];
const privateNote = 'Only its two participants can read a conversation; anyone else, staff and admins included, gets 404 CONVERSATION_NOT_FOUND.';

/** JSON API of direct messages and blocks, then the HTML pages. */
export const messagesRoutes: Module = async (app, opts) => {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/conversations', { schema: { tags, security: SECURITY.signedIn, description: 'The caller’s conversations, latest message first, each with its unread count.', querystring: ZConversationListQuery, response: { 200: ZConversationList } } }, async (request) =>
    conversations.listConversations(deps, request.ctx.actor, request.query.limit, request.query.cursor),
  );

  r.post(
    '/api/v1/conversations',
    { schema: { tags, description: 'Starts a conversation with one person (`to`: their handle), optionally about a need, pledge or project, with a first message; an existing conversation about the same thing is continued (200). A person who blocked the caller answers 403 BLOCKED. Honours `Idempotency-Key`.', body: ZStartConversationBody, response: { 200: ZConversation, 201: ZConversation } } },
    async (request, reply) =>
      idempotent(deps.db, request, reply, async () => {
        const started = await conversations.startConversation(deps, request.ctx.actor, request.body);
        return { status: started.created ? 201 : 200, body: (await conversations.getConversation(deps, request.ctx.actor, started.id)).conversation };
      }),
  );

  r.get('/api/v1/conversations/:id/messages', { schema: { tags, security: SECURITY.signedIn, description: `Newest first; reading the first page marks the conversation read. ${privateNote}`, params: ZConversationParams, querystring: ZMessageListQuery, response: { 200: ZMessageList } } }, async (request) =>
    conversations.readMessages(deps, request.ctx.actor, request.params.id, request.query.limit, request.query.cursor),
  );

  r.post('/api/v1/conversations/:id/messages', { schema: { tags, description: `Plain text, 5,000 characters at most; 30 messages a minute. ${privateNote}`, params: ZConversationParams, body: ZMessageBody, response: { 201: ZMessage } } }, async (request, reply) =>
    reply.status(201).send(await conversations.sendMessage(deps, request.ctx.actor, request.params.id, request.body)),
  );

  r.post('/api/v1/blocks', { schema: { tags, description: 'Blocks a person: they can no longer start a conversation with, or write to, the caller.', body: ZBlockBody, response: { 204: z.null() } } }, async (request, reply) => {
    await conversations.blockPerson(deps, request.ctx.actor, request.body.handle);
    return reply.status(204).send(null);
  });

  r.delete('/api/v1/blocks/:handle', { schema: { tags, params: ZHandleParams, response: { 204: z.null() } } }, async (request, reply) => {
    await conversations.unblockPerson(deps, request.ctx.actor, request.params.handle);
    return reply.status(204).send(null);
  });

  await app.register(messagesPages, opts);
};
