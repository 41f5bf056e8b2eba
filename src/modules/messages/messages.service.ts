import { newId } from '../../db/ids.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, validationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { decodeCursor, page } from '../../platform/pagination.js';
import { hit } from '../../platform/rate-limit.js';
import { usersRepository, type UserRow } from '../auth/users.repository.js';
import { viewableProject } from '../projects/projects.access.js';
import { messagesRepository } from './messages.repository.js';
import type { ConversationRow } from './messages.types.js';
import { canTalkAboutPledge, canWrite, MESSAGE_LIMIT, type Blocks } from './messages.policy.js';
import { presentConversation, presentMessage, type ConversationView, type MessageView } from './messages.presenter.js';
import type { ContextType, TMessageBody, TStartConversationBody } from './messages.schemas.js';
import { conversationRead, notifyNewMessage } from '../notifications/notifications.service.js';

export type ThreadPage = { items: MessageView[]; nextCursor: string | null };

function writer(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!actor.emailVerified) throw new AppError('EMAIL_NOT_VERIFIED');
  return actor;
}

function reader(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/** Someone one may write to: an active account other than one's own. */
async function recipient(deps: Deps, me: Actor, handle: string): Promise<UserRow> {
  const user = await usersRepository.findByHandle(deps.db, handle);
  if (!user || user.suspendedAt) throw validationError({ to: { key: 'messages.validation.unknownHandle' } });
  if (user.id === me.id) throw validationError({ to: { key: 'messages.validation.self' } });
  return user;
}

/** The title of what a conversation is about, if this person may see it. */
export async function contextTitle(deps: Deps, me: Actor, type: ContextType, id: string): Promise<string> {
  const row = await messagesRepository.context(deps.db, type, id, me.id);
  const refused = validationError({ contextId: { key: 'validation.invalid' } });
  if (!row) throw refused;
  if (type === 'pledge') {
    if (!canTalkAboutPledge(me.id, { supporterId: row.supporter_id, onTeam: row.on_team })) throw refused;
    return row.title;
  }
  try {
    await viewableProject(deps, me, row.project_id);
  } catch (err) {
    throw err instanceof AppError && err.code === 'PROJECT_NOT_FOUND' ? refused : err;
  }
  return row.title;
}

/** A conversation `me` takes part in; anyone else (staff and admins included) gets CONVERSATION_NOT_FOUND. */
async function participation(deps: Deps, me: Actor, id: string): Promise<ConversationRow> {
  const row = await messagesRepository.findForParticipant(deps.db, id, me.id);
  if (!row) throw new AppError('CONVERSATION_NOT_FOUND');
  return row;
}

/** The person a new conversation would go to, by handle (null when unknown or suspended). */
export async function recipientByHandle(deps: Deps, handle: string): Promise<{ handle: string; displayName: string } | null> {
  const user = handle ? await usersRepository.findByHandle(deps.db, handle) : undefined;
  return user && !user.suspendedAt ? { handle: user.handle, displayName: user.displayName } : null;
}

async function blocksWith(deps: Deps, me: Actor, otherId: string | null): Promise<Blocks> {
  return otherId ? messagesRepository.blocksBetween(deps.db, me.id, otherId) : { iBlocked: false, blockedMe: false };
}

/**
 * Starts a conversation with one other person (or continues the one they already have about the
 * same need, pledge or project) with a first message. Returns its id and whether it is new.
 */
export async function startConversation(deps: Deps, actor: Actor | null, input: TStartConversationBody): Promise<{ id: string; created: boolean }> {
  const me = writer(actor);
  const other = await recipient(deps, me, input.to);
  if (!canWrite(await blocksWith(deps, me, other.id))) throw new AppError('BLOCKED');
  const context = input.contextType && input.contextId ? { type: input.contextType, id: input.contextId } : null;
  const title = context ? await contextTitle(deps, me, context.type, context.id) : '';
  await hit(deps.db, MESSAGE_LIMIT, me.id, deps.config.rateLimits);
  return deps.db.transaction(async (tx) => {
    const existing = context ? await messagesRepository.findAbout(tx, me.id, other.id, context.type, context.id) : undefined;
    const id = existing ?? newId();
    if (!existing) {
      await messagesRepository.createConversation(tx, { id, subject: input.subject || title, contextType: context?.type ?? null, contextId: context?.id ?? null, createdBy: me.id, participantIds: [me.id, other.id] });
    }
    await messagesRepository.insertMessage(tx, { id: newId(), conversationId: id, authorId: me.id, body: input.body });
    await notifyNewMessage(tx, { recipientId: other.id, conversationId: id, author: me });
    return { id, created: !existing };
  });
}

export async function listConversations(deps: Deps, actor: Actor | null, limit: number, cursor?: string): Promise<{ items: ConversationView[]; nextCursor: string | null }> {
  const me = reader(actor);
  const rows = await messagesRepository.listForUser(deps.db, me.id, limit, decodeCursor(cursor));
  const result = page(rows, limit, (r) => ({ at: r.cursor_at, id: r.id }));
  return { items: result.items.map((r) => presentConversation(r, me.id)), nextCursor: result.nextCursor };
}

export async function getConversation(deps: Deps, actor: Actor | null, id: string): Promise<{ conversation: ConversationView; blocks: Blocks }> {
  const me = reader(actor);
  const row = await participation(deps, me, id);
  return { conversation: presentConversation(row, me.id), blocks: await blocksWith(deps, me, row.other_id) };
}

/** A page of messages, newest first; reading the first page marks the conversation read for the reader. */
export async function readMessages(deps: Deps, actor: Actor | null, id: string, limit: number, cursor?: string): Promise<ThreadPage> {
  const me = reader(actor);
  await participation(deps, me, id);
  const rows = await messagesRepository.messages(deps.db, id, limit, decodeCursor(cursor));
  if (!cursor) {
    await messagesRepository.markRead(deps.db, id, me.id);
    await conversationRead(deps.db, me.id, id);
  }
  const result = page(rows, limit, (r) => ({ at: r.cursor_at, id: r.id }));
  return { items: result.items.map((r) => presentMessage(r, me.id)), nextCursor: result.nextCursor };
}

export async function sendMessage(deps: Deps, actor: Actor | null, conversationId: string, input: TMessageBody): Promise<MessageView> {
  const me = writer(actor);
  const row = await participation(deps, me, conversationId);
  if (!canWrite(await blocksWith(deps, me, row.other_id))) throw new AppError('BLOCKED');
  await hit(deps.db, MESSAGE_LIMIT, me.id, deps.config.rateLimits);
  const id = newId();
  await deps.db.transaction(async (tx) => {
    await messagesRepository.insertMessage(tx, { id, conversationId, authorId: me.id, body: input.body });
    if (row.other_id) await notifyNewMessage(tx, { recipientId: row.other_id, conversationId, author: me });
  });
  return presentMessage((await messagesRepository.findMessage(deps.db, id))!, me.id);
}

/** For the header badge: how many conversations hold a message this person has not read. */
export async function unreadConversationCount(deps: Pick<Deps, 'db'>, userId: string): Promise<number> {
  return messagesRepository.unreadConversationCount(deps.db, userId);
}

export async function blockPerson(deps: Deps, actor: Actor | null, handle: string): Promise<void> {
  const me = reader(actor);
  const user = await usersRepository.findByHandle(deps.db, handle);
  if (!user) throw new AppError('PERSON_NOT_FOUND');
  if (user.id === me.id) throw validationError({ handle: { key: 'messages.validation.self' } });
  await messagesRepository.block(deps.db, me.id, user.id);
}

export async function unblockPerson(deps: Deps, actor: Actor | null, handle: string): Promise<void> {
  const me = reader(actor);
  const user = await usersRepository.findByHandle(deps.db, handle);
  if (!user) throw new AppError('PERSON_NOT_FOUND');
  await messagesRepository.unblock(deps.db, me.id, user.id);
}
