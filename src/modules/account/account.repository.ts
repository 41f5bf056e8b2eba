import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';

type Row = Record<string, unknown>;

/** Section name → rows; the account module's `profile` and every module's `personalData.export` (ADR 0011). */
export type ExportSections = Record<string, Row[]>;

/**
 * The person's own row. Every other table a person has data in belongs to a module, which exports
 * and anonymises it through its descriptor's `personalData` hooks (never password or token hashes,
 * never other people's private fields).
 */
export const accountRepository = {
  async exportProfile(db: Db, userId: string): Promise<ExportSections> {
    return {
      profile: await execRows<Row>(db, sql`SELECT u.email, u.email_verified_at, u.display_name, u.handle, u.locale, t.slug AS territory, u.birth_year, u.bio, u.skills, u.interests, u.links, u.photo_key, u.privacy, u.indexable, u.created_at, u.updated_at
        FROM users u LEFT JOIN territories t ON t.id = u.territory_id WHERE u.id = ${userId}`),
    };
  },

  /**
   * Erases what identifies the person on their own row, last, after every module's hook: the row
   * stays (pledges, projects they lead and messages they sent point to it) under a placeholder name.
   */
  async anonymiseUser(tx: Db, userId: string, placeholder: { email: string; handle: string; displayName: string; passwordHash: string }): Promise<void> {
    await tx.execute(sql`UPDATE users SET email = ${placeholder.email}, handle = ${placeholder.handle}, display_name = ${placeholder.displayName}, password_hash = ${placeholder.passwordHash},
        email_verified_at = NULL, territory_id = NULL, birth_year = NULL, bio = '', skills = '{}', interests = '{}', links = '[]'::jsonb, photo_key = NULL,
        privacy = '{"photo":"private","bio":"private","skills":"private","interests":"private","territory":"private","links":"private"}'::jsonb,
        indexable = false, deleted_at = now(), updated_at = now() WHERE id = ${userId}`);
  },
};
