import { and, eq, sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import type { Cursor } from '../../platform/pagination.js';
import { conversationParticipants, conversations, messages, userBlocks } from './messages.tables.js';
import type { ContextType } from './messages.schemas.js';
import type { ContextRow, ConversationRow, MessageRow } from './messages.types.js';


const exactTime = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/** The other participant of a two-person conversation, seen from `me` (null once their account is gone). */
const conversationColumns = (me: string) => sql`c.id, c.subject, c.context_type, c.context_id, c.last_message_at, ${exactTime('c.last_message_at')} AS cursor_at,
  o.handle AS other_handle, o.display_name AS other_name, o.id AS other_id,
  (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND m.author_id IS DISTINCT FROM ${me} AND (cp.last_read_at IS NULL OR m.created_at > cp.last_read_at))::int AS unread,
  l.body AS last_body, l.author_id AS last_author_id, (l.hidden_at IS NOT NULL) AS last_hidden`;
const conversationJoins = (me: string) => sql`FROM conversation_participants cp JOIN conversations c ON c.id = cp.conversation_id
  LEFT JOIN conversation_participants op ON op.conversation_id = c.id AND op.user_id <> ${me}
  LEFT JOIN users o ON o.id = op.user_id AND o.deleted_at IS NULL
  LEFT JOIN LATERAL (SELECT m.body, m.author_id, m.hidden_at FROM messages m WHERE m.conversation_id = c.id ORDER BY m.created_at DESC, m.id DESC LIMIT 1) l ON true`;

/** A scalar subquery: `me`'s conversations holding a message from someone else they have not read (also used by the header badges). */
export const unreadConversationCountSql = (me: string) => sql`(
  SELECT count(*)::int FROM conversation_participants cp JOIN conversations c ON c.id = cp.conversation_id
  WHERE cp.user_id = ${me} AND (cp.last_read_at IS NULL OR c.last_message_at > cp.last_read_at)
    AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.author_id IS DISTINCT FROM ${me} AND (cp.last_read_at IS NULL OR m.created_at > cp.last_read_at)))`;

export const messagesRepository = {
  async createConversation(db: Db, c: { id: string; subject: string; contextType: ContextType | null; contextId: string | null; createdBy: string; participantIds: string[] }): Promise<void> {
    await db.insert(conversations).values({ id: c.id, subject: c.subject, contextType: c.contextType, contextId: c.contextId, createdBy: c.createdBy });
    await db.insert(conversationParticipants).values(c.participantIds.map((userId) => ({ conversationId: c.id, userId })));
  },
  /** The conversation these two people already have about this need, pledge or project. */
  async findAbout(db: Db, a: string, b: string, contextType: ContextType, contextId: string): Promise<string | undefined> {
    const rows = await execRows<{ id: string }>(db, sql`
      SELECT c.id FROM conversations c
      WHERE c.context_type = ${contextType} AND c.context_id = ${contextId}
        AND EXISTS (SELECT 1 FROM conversation_participants p WHERE p.conversation_id = c.id AND p.user_id = ${a})
        AND EXISTS (SELECT 1 FROM conversation_participants p WHERE p.conversation_id = c.id AND p.user_id = ${b})
      ORDER BY c.created_at LIMIT 1`);
    return rows[0]?.id;
  },
  /** Adds a message, moves the conversation up and marks it read for its author, in the caller's transaction. */
  async insertMessage(db: Db, m: { id: string; conversationId: string; authorId: string; body: string }): Promise<void> {
    await db.insert(messages).values(m);
    await db.update(conversations).set({ lastMessageAt: sql`now()` }).where(eq(conversations.id, m.conversationId));
    await this.markRead(db, m.conversationId, m.authorId);
  },
  async markRead(db: Db, conversationId: string, userId: string): Promise<void> {
    await db.update(conversationParticipants).set({ lastReadAt: sql`now()` }).where(and(eq(conversationParticipants.conversationId, conversationId), eq(conversationParticipants.userId, userId)));
  },
  /** One conversation as `me` sees it, only if `me` takes part in it. */
  async findForParticipant(db: Db, conversationId: string, me: string): Promise<ConversationRow | undefined> {
    const rows = await execRows<ConversationRow>(db, sql`SELECT ${conversationColumns(me)} ${conversationJoins(me)} WHERE cp.user_id = ${me} AND c.id = ${conversationId}`);
    return rows[0];
  },
  /** `me`'s conversations, the latest message first; keyset on (lastMessageAt, id). Up to limit + 1 rows. */
  async listForUser(db: Db, me: string, limit: number, after?: Cursor): Promise<ConversationRow[]> {
    const keyset = after ? sql`AND (c.last_message_at, c.id) < (${after.at}::timestamptz, ${after.id})` : sql``;
    return execRows<ConversationRow>(db, sql`SELECT ${conversationColumns(me)} ${conversationJoins(me)} WHERE cp.user_id = ${me} ${keyset} ORDER BY c.last_message_at DESC, c.id DESC LIMIT ${limit + 1}`);
  },
  /** A conversation's messages, newest first; keyset on (createdAt, id). Up to limit + 1 rows. */
  async messages(db: Db, conversationId: string, limit: number, after?: Cursor): Promise<MessageRow[]> {
    const keyset = after ? sql`AND (m.created_at, m.id) < (${after.at}::timestamptz, ${after.id})` : sql``;
    return execRows<MessageRow>(db, sql`
      SELECT m.id, m.body, m.author_id, u.handle AS author_handle, u.display_name AS author_name, u.locale AS author_locale, m.created_at, ${exactTime('m.created_at')} AS cursor_at, m.hidden_at, m.hidden_reason
      FROM messages m LEFT JOIN users u ON u.id = m.author_id AND u.deleted_at IS NULL
      WHERE m.conversation_id = ${conversationId} ${keyset} ORDER BY m.created_at DESC, m.id DESC LIMIT ${limit + 1}`);
  },
  async findMessage(db: Db, id: string): Promise<MessageRow | undefined> {
    const rows = await execRows<MessageRow>(db, sql`
      SELECT m.id, m.body, m.author_id, u.handle AS author_handle, u.display_name AS author_name, u.locale AS author_locale, m.created_at, ${exactTime('m.created_at')} AS cursor_at, m.hidden_at, m.hidden_reason
      FROM messages m LEFT JOIN users u ON u.id = m.author_id WHERE m.id = ${id}`);
    return rows[0];
  },
  /** How many of `me`'s conversations hold a message from someone else they have not read. */
  async unreadConversationCount(db: Db, me: string): Promise<number> {
    const rows = await execRows<{ n: number }>(db, sql`SELECT ${unreadConversationCountSql(me)} AS n`);
    return rows[0]?.n ?? 0;
  },
  async block(db: Db, blockerId: string, blockedId: string): Promise<void> {
    await db.insert(userBlocks).values({ blockerId, blockedId }).onConflictDoNothing();
  },
  async unblock(db: Db, blockerId: string, blockedId: string): Promise<void> {
    await db.delete(userBlocks).where(and(eq(userBlocks.blockerId, blockerId), eq(userBlocks.blockedId, blockedId)));
  },
  /** Who blocked whom between two people. */
  async blocksBetween(db: Db, me: string, other: string): Promise<{ iBlocked: boolean; blockedMe: boolean }> {
    const rows = await db.select({ blockerId: userBlocks.blockerId }).from(userBlocks).where(sql`(${userBlocks.blockerId} = ${me} AND ${userBlocks.blockedId} = ${other}) OR (${userBlocks.blockerId} = ${other} AND ${userBlocks.blockedId} = ${me})`);
    return { iBlocked: rows.some((r) => r.blockerId === me), blockedMe: rows.some((r) => r.blockerId === other) };
  },
  /** The need, pledge or project a conversation would be about, and whether `me` is on its project's team. */
  async context(db: Db, type: ContextType, id: string, me: string): Promise<ContextRow | undefined> {
    const team = (projectId: string) => sql`EXISTS (SELECT 1 FROM project_team pt WHERE pt.project_id = ${sql.raw(projectId)} AND pt.user_id = ${me})`;
    const query = {
      need: sql`SELECT n.title, n.project_id, NULL AS supporter_id, ${team('n.project_id')} AS on_team FROM needs n WHERE n.id = ${id}`,
      project: sql`SELECT p.title, p.id AS project_id, NULL AS supporter_id, ${team('p.id')} AS on_team FROM projects p WHERE p.id = ${id}`,
      pledge: sql`SELECT n.title, pl.project_id, pl.supporter_id, ${team('pl.project_id')} AS on_team FROM pledges pl JOIN needs n ON n.id = pl.need_id WHERE pl.id = ${id}`,
    }[type];
    return (await execRows<ContextRow>(db, query))[0];
  },
};
