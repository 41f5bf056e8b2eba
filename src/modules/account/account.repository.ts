import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';

type Row = Record<string, unknown>;

/**
 * Every table that holds a person's own data, with the columns exported (never password hashes,
 * token hashes or other people's private fields). One query per section.
 */
const SECTIONS: Record<string, (userId: string) => ReturnType<typeof sql>> = {
  profile: (id) => sql`SELECT u.email, u.email_verified_at, u.display_name, u.handle, u.locale, t.slug AS territory, u.birth_year, u.bio, u.skills, u.interests, u.links, u.photo_key, u.privacy, u.indexable, u.created_at, u.updated_at
    FROM users u LEFT JOIN territories t ON t.id = u.territory_id WHERE u.id = ${id}`,
  consents: (id) => sql`SELECT purpose, granted, text_version, created_at FROM consents WHERE user_id = ${id} ORDER BY created_at`,
  roles: (id) => sql`SELECT r.role, c.slug AS caisse, r.created_at FROM role_grants r LEFT JOIN caisses c ON c.id = r.caisse_id WHERE r.user_id = ${id}`,
  sessions: (id) => sql`SELECT created_at, last_seen_at, expires_at, user_agent FROM sessions WHERE user_id = ${id} ORDER BY created_at`,
  apiTokens: (id) => sql`SELECT name, prefix, created_at, last_used_at, expires_at, revoked_at FROM api_tokens WHERE user_id = ${id} ORDER BY created_at`,
  projects: (id) => sql`SELECT p.id, p.title, p.summary, p.description, p.status, p.category, pt.role, p.created_at, p.published_at FROM project_team pt JOIN projects p ON p.id = pt.project_id WHERE pt.user_id = ${id} ORDER BY p.created_at`,
  projectUpdates: (id) => sql`SELECT id, project_id, title, body, created_at FROM project_updates WHERE author_id = ${id} ORDER BY created_at`,
  pledges: (id) => sql`SELECT pl.id, pl.project_id, n.title AS need, pl.quantity, pl.status, pl.message, pl.reason, pl.start_date, pl.end_date, pl.created_at FROM pledges pl JOIN needs n ON n.id = pl.need_id WHERE pl.supporter_id = ${id} ORDER BY pl.created_at`,
  offers: (id) => sql`SELECT * FROM offers WHERE owner_id = ${id} ORDER BY created_at`,
  organisations: (id) => sql`SELECT o.slug, o.name, m.role, m.created_at FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = ${id}`,
  messagesSent: (id) => sql`SELECT m.conversation_id, c.subject, m.body, m.created_at FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.author_id = ${id} ORDER BY m.created_at`,
  blocks: (id) => sql`SELECT u.handle AS blocked, b.created_at FROM user_blocks b JOIN users u ON u.id = b.blocked_id WHERE b.blocker_id = ${id}`,
  follows: (id) => sql`SELECT target_type, target_id, created_at FROM follows WHERE follower_id = ${id} ORDER BY created_at`,
  reactions: (id) => sql`SELECT target_type, target_id, kind, created_at FROM reactions WHERE user_id = ${id} ORDER BY created_at`,
  comments: (id) => sql`SELECT id, target_type, target_id, parent_id, body, edited_at, deleted_at, created_at FROM comments WHERE author_id = ${id} ORDER BY created_at`,
  boards: (id) => sql`SELECT b.id, b.title, b.description, b.visibility, b.created_at,
      coalesce((SELECT json_agg(json_build_object('type', i.item_type, 'id', i.item_id, 'note', i.note) ORDER BY i.position) FROM board_items i WHERE i.board_id = b.id), '[]'::json) AS items
    FROM boards b WHERE b.owner_id = ${id} ORDER BY b.created_at`,
  notifications: (id) => sql`SELECT kind, data, url, read_at, created_at FROM notifications WHERE user_id = ${id} ORDER BY created_at`,
  notificationSettings: (id) => sql`SELECT digest, email_opt_outs, immediate, updated_at FROM notification_settings WHERE user_id = ${id}`,
  reportsFiled: (id) => sql`SELECT target_type, target_id, reason, details, status, created_at FROM reports WHERE reporter_id = ${id} ORDER BY created_at`,
  delegateApplications: (id) => sql`SELECT c.slug AS caisse, t.slug AS territory, a.motivation, a.availability, a.status, a.decision_message, a.decided_at, a.created_at
    FROM delegate_applications a JOIN caisses c ON c.id = a.caisse_id JOIN territories t ON t.id = a.territory_id WHERE a.user_id = ${id} ORDER BY a.created_at`,
};

/**
 * Other people's notifications about what this person did (messages, comments, mentions) lose the
 * name and handle they carried, and say "deleted account" instead (ADR 0018). Found by the stored
 * actor id, or for older rows by the comment they wrote or the conversation they were in.
 */
function forgetActorInNotifications(userId: string): ReturnType<typeof sql> {
  return sql`UPDATE notifications n SET data = (n.data - 'actorName' - 'actorHandle' - 'actorId') || '{"actorDeleted":1}'::jsonb
    WHERE n.user_id <> ${userId} AND (n.data ? 'actorName' OR n.data ? 'actorHandle' OR n.data ? 'actorId') AND (
      n.data->>'actorId' = ${userId}
      OR (n.subject_type = 'comment' AND n.subject_id IN (SELECT c.id FROM comments c WHERE c.author_id = ${userId}))
      OR (n.kind = 'message.new' AND n.subject_type = 'conversation' AND n.subject_id IN (SELECT cp.conversation_id FROM conversation_participants cp WHERE cp.user_id = ${userId})))`;
}

/** Section name → rows; the account module's sections and every module's `personalData.export`. */
export type ExportSections = Record<string, Row[]>;

export const accountRepository = {
  async exportData(db: Db, userId: string): Promise<ExportSections> {
    const out: Record<string, Row[]> = {};
    for (const [name, query] of Object.entries(SECTIONS)) out[name] = await execRows<Row>(db, query(userId));
    return out;
  },

  /**
   * Erases what identifies the person and what only served them; keeps what others rely on, without
   * their name: pledges (counted in the impact ledger), projects they lead, messages they sent.
   * Comments become tombstones; open pledges are withdrawn so no promoter waits on a ghost.
   */
  async anonymise(tx: Db, userId: string, placeholder: { email: string; handle: string; displayName: string; passwordHash: string; withdrawReason: string }): Promise<{ withdrawnPledges: number }> {
    const withdrawn = await execRows<{ id: string; status: string }>(tx, sql`
      UPDATE pledges p SET status = 'withdrawn', reason = ${placeholder.withdrawReason}, updated_at = now()
      FROM pledges old WHERE old.id = p.id AND p.supporter_id = ${userId} AND p.status IN ('proposed', 'accepted')
      RETURNING p.id, old.status`);
    for (const w of withdrawn) {
      await tx.execute(sql`INSERT INTO pledge_events (id, pledge_id, actor_id, from_status, to_status, note) VALUES (${`${w.id}-del`}, ${w.id}, NULL, ${w.status}, 'withdrawn', ${placeholder.withdrawReason})`);
    }
    await tx.execute(sql`UPDATE comments SET body = '', deleted_at = coalesce(deleted_at, now()) WHERE author_id = ${userId}`);
    await tx.execute(forgetActorInNotifications(userId));
    for (const statement of [
      sql`DELETE FROM sessions WHERE user_id = ${userId}`,
      sql`DELETE FROM api_tokens WHERE user_id = ${userId}`,
      sql`DELETE FROM one_time_tokens WHERE user_id = ${userId}`,
      sql`DELETE FROM role_grants WHERE user_id = ${userId}`,
      sql`DELETE FROM delegate_applications WHERE user_id = ${userId}`,
      sql`DELETE FROM follows WHERE follower_id = ${userId} OR (target_type = 'user' AND target_id = ${userId})`,
      sql`DELETE FROM reactions WHERE user_id = ${userId}`,
      sql`DELETE FROM boards WHERE owner_id = ${userId}`,
      sql`DELETE FROM offers WHERE owner_id = ${userId}`,
      sql`DELETE FROM organisation_members WHERE user_id = ${userId}`,
      sql`DELETE FROM project_team WHERE user_id = ${userId} AND role <> 'promoter'`,
      sql`DELETE FROM notifications WHERE user_id = ${userId}`,
      sql`DELETE FROM notification_settings WHERE user_id = ${userId}`,
      sql`DELETE FROM user_blocks WHERE blocker_id = ${userId} OR blocked_id = ${userId}`,
      sql`DELETE FROM consents WHERE user_id = ${userId}`,
      sql`UPDATE users SET email = ${placeholder.email}, handle = ${placeholder.handle}, display_name = ${placeholder.displayName}, password_hash = ${placeholder.passwordHash},
        email_verified_at = NULL, territory_id = NULL, birth_year = NULL, bio = '', skills = '{}', interests = '{}', links = '[]'::jsonb, photo_key = NULL,
        privacy = '{"photo":"private","bio":"private","skills":"private","interests":"private","territory":"private","links":"private"}'::jsonb,
        indexable = false, deleted_at = now(), updated_at = now() WHERE id = ${userId}`,
    ]) await tx.execute(statement);
    return { withdrawnPledges: withdrawn.length };
  },
};
