import { z } from 'zod';
import { CONTEXT_TYPES } from './messages.schemas.js';
import { contextUrl } from './messages.policy.js';
import type { ConversationRow, MessageRow } from './messages.types.js';

const ZPersonRef = z.object({ handle: z.string(), displayName: z.string() });

export const ZConversation = z.object({
  id: z.string(),
  subject: z.string(),
  context: z.object({ type: z.enum(CONTEXT_TYPES), id: z.string(), url: z.string() }).nullable(),
  /** The other participant (null once their account is deleted). */
  with: ZPersonRef.nullable(),
  lastMessageAt: z.string(),
  /** A message hidden by moderation reads as an empty excerpt with `hidden` for the other participant. */
  lastMessage: z.object({ excerpt: z.string(), mine: z.boolean(), hidden: z.boolean() }).nullable(),
  unreadCount: z.number().int(),
});
export type ConversationView = z.output<typeof ZConversation>;
export const ZConversationList = z.object({ items: z.array(ZConversation), nextCursor: z.string().nullable() });

export const ZMessage = z.object({
  id: z.string(),
  /** Plain text; pages show it escaped, with its line breaks. */
  body: z.string(),
  author: ZPersonRef.nullable(),
  /** The author's language, a hint for the message's own (`lang` when it differs from the page's). */
  lang: z.enum(['fr', 'en']).nullable(),
  mine: z.boolean(),
  createdAt: z.string(),
  /** Hidden by moderation: the other participant gets an empty body; its author keeps it, with the reason. */
  hidden: z.object({ reason: z.string().nullable() }).nullable(),
});
export type MessageView = z.output<typeof ZMessage>;
export const ZMessageList = z.object({ items: z.array(ZMessage), nextCursor: z.string().nullable() });

const iso = (d: Date | string) => new Date(d).toISOString();
const excerpt = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119).trimEnd()}…` : flat;
};

export function presentConversation(row: ConversationRow, me: string): ConversationView {
  return {
    id: row.id,
    subject: row.subject,
    context: row.context_type && row.context_id ? { type: row.context_type, id: row.context_id, url: contextUrl(row.context_type, row.context_id) } : null,
    with: row.other_handle && row.other_name ? { handle: row.other_handle, displayName: row.other_name } : null,
    lastMessageAt: iso(row.last_message_at),
    lastMessage: row.last_body === null ? null : { excerpt: row.last_hidden && row.last_author_id !== me ? '' : excerpt(row.last_body), mine: row.last_author_id === me, hidden: Boolean(row.last_hidden) },
    unreadCount: row.unread,
  };
}

export function presentMessage(row: MessageRow, me: string): MessageView {
  const mine = row.author_id === me;
  const hidden = row.hidden_at ? { reason: mine ? (row.hidden_reason ?? '') : null } : null;
  return {
    id: row.id,
    body: hidden && !mine ? '' : row.body,
    author: row.author_handle && row.author_name ? { handle: row.author_handle, displayName: row.author_name } : null,
    lang: row.author_locale ?? null,
    mine,
    createdAt: iso(row.created_at),
    hidden,
  };
}
