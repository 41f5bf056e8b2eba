import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Module } from '../../platform/http/module.js';
import { sendFragment, sendPage } from '../../platform/views/render.js';
import { handleForm } from '../../platform/http/forms.js';
import { requireActor } from '../../platform/http/guards.js';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import * as conversations from './messages.service.js';
import { parseContext, ZConversationParams, ZMessageBody, ZStartConversationBody } from './messages.schemas.js';
import { ConversationsPage, MessageItem, NewConversationPage, ReplyForm, ReplyStatus, ThreadPage, type FormState } from './messages.views.js';

const PAGE = 50;
const isHtmx = (request: FastifyRequest) => request.headers['hx-request'] === 'true';
const idOf = (request: FastifyRequest) => parseInput(ZConversationParams, request.params).id;
const cursorOf = (request: FastifyRequest) => {
  const c = (request.query as Record<string, unknown>).cursor;
  return typeof c === 'string' && c.length <= 200 ? c : undefined;
};

/** A stale or hand-edited cursor starts over instead of failing. */
async function forgiving<T>(run: (cursor: string | undefined) => Promise<T>, cursor: string | undefined): Promise<T> {
  try {
    return await run(cursor);
  } catch (err) {
    if (err instanceof AppError && err.code === 'VALIDATION_FAILED' && cursor) return run(undefined);
    throw err;
  }
}

/** Pages of direct messages: the inbox, a thread with its reply form, starting a conversation, blocking. */
export const messagesPages: Module = async (app, { deps }) => {
  app.get('/messages', async (request, reply) => {
    requireActor(request);
    const list = await forgiving((cursor) => conversations.listConversations(deps, request.ctx.actor, PAGE, cursor), cursorOf(request));
    const nextHref = list.nextCursor ? `/messages?cursor=${list.nextCursor}` : null;
    return sendPage(request, reply, <ConversationsPage ctx={request.ctx} items={list.items} nextHref={nextHref} />, { title: request.ctx.t('messages.list.title'), noindex: true, nav: 'messages' });
  });

  async function newForm(request: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) {
    const handle = typeof state.values.to === 'string' ? state.values.to.trim().toLowerCase() : '';
    const recipient = await conversations.recipientByHandle(deps, handle);
    return sendPage(request, reply, <NewConversationPage ctx={request.ctx} data={{ ...state, recipient }} />, { title: request.ctx.t('messages.new.title'), status, noindex: true, nav: 'messages' });
  }

  app.get('/messages/nouveau', async (request, reply) => {
    const me = requireActor(request);
    const query = request.query as Record<string, unknown>;
    const context = parseContext(query.contexte);
    const title = context ? await conversations.contextTitle(deps, me, context.contextType, context.contextId).catch((err: unknown) => {
      if (err instanceof AppError) return null;
      throw err;
    }) : null;
    const values = { to: typeof query.a === 'string' ? query.a.slice(0, 60) : '', subject: title ? request.ctx.t('messages.new.about', { title }) : '', ...(context && title ? context : {}) };
    return newForm(request, reply, { values });
  });

  app.post('/messages/nouveau', async (request, reply) =>
    handleForm(request, reply, ZStartConversationBody,
      async (input) => reply.redirect(`/messages/${(await conversations.startConversation(deps, request.ctx.actor, input)).id}?fait=envoye`, 303),
      (state, status) => newForm(request, reply, state, status),
    ),
  );

  async function thread(request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    const id = idOf(request);
    const { conversation, blocks } = await conversations.getConversation(deps, request.ctx.actor, id);
    const page = await forgiving((cursor) => conversations.readMessages(deps, request.ctx.actor, id, PAGE, cursor), cursorOf(request));
    const sent = (request.query as Record<string, unknown>).fait === 'envoye';
    const data = { conversation, blocks, form, messages: [...page.items].reverse(), olderHref: page.nextCursor ? `/messages/${id}?cursor=${page.nextCursor}` : null, notice: sent ? request.ctx.t('messages.thread.sent') : undefined };
    return sendPage(request, reply, <ThreadPage ctx={request.ctx} data={data} />, { title: conversation.subject || request.ctx.t('messages.list.title'), status, noindex: true, nav: 'messages' });
  }

  app.get('/messages/:id', async (request, reply) => thread(request, reply, { values: {} }));

  app.post('/messages/:id', async (request, reply) => {
    const id = idOf(request);
    return handleForm(request, reply, ZMessageBody,
      async (input) => {
        const message = await conversations.sendMessage(deps, request.ctx.actor, id, input);
        if (!isHtmx(request)) return reply.redirect(`/messages/${id}?fait=envoye#m-${message.id}`, 303);
        return sendFragment(reply, <><MessageItem ctx={request.ctx} message={message} /><ReplyForm ctx={request.ctx} conversationId={id} form={{ values: {} }} oob /><ReplyStatus ctx={request.ctx} sent oob /></>);
      },
      (state, status) => (isHtmx(request) ? sendFragment(reply, <ReplyForm ctx={request.ctx} conversationId={id} form={state} oob />) : thread(request, reply, state, status)),
    );
  });

  for (const [path, block] of [['bloquer', true], ['debloquer', false]] as const) {
    app.post(`/messages/:id/${path}`, async (request, reply) => {
      const id = idOf(request);
      const { conversation } = await conversations.getConversation(deps, request.ctx.actor, id);
      if (conversation.with) await (block ? conversations.blockPerson : conversations.unblockPerson)(deps, request.ctx.actor, conversation.with.handle);
      return reply.redirect(`/messages/${id}`, 303);
    });
  }
};
