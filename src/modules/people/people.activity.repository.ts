import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import type { Locale } from '../../platform/i18n/i18n.js';

export type PersonProjectRow = { id: string; title: string; summary: string; language: Locale; status: string; cover_key: string | null; cover_alt: string | null; cover_width: number | null; cover_height: number | null; role: 'promoter' | 'member' };
export type PersonOfferRow = { id: string; title: string; description: string; language: Locale; kind: string };
export type PersonBoardRow = { id: string; title: string; description: string; language: Locale; visibility: 'public' | 'private'; items: number };
export type PersonContributionRow = { id: string; project_id: string; project_title: string; project_language: Locale; need_title: string; quantity: number; fulfilled_at: Date | string; show_name: boolean };

const LIMIT = 12;

/**
 * What a person did, as others may see it. Every query carries the visibility rules: projects public
 * and not hidden, offers active and not hidden, boards public and not hidden (the owner also sees
 * their private boards), fulfilled help on public projects the person agreed to be named on (the
 * owner sees all of theirs). Four small indexed reads, run in parallel by the service.
 */
export const peopleActivityRepository = {
  async projects(db: Db, userId: string): Promise<PersonProjectRow[]> {
    return execRows<PersonProjectRow>(db, sql`
      SELECT p.id, p.title, p.summary, p.language, p.status, c.storage_key AS cover_key, c.alt AS cover_alt, c.width AS cover_width, c.height AS cover_height,
        CASE WHEN p.promoter_id = ${userId} THEN 'promoter' ELSE 'member' END AS role
      FROM projects p
      LEFT JOIN LATERAL (SELECT i.storage_key, i.alt, i.width, i.height FROM project_images i WHERE i.project_id = p.id
        ORDER BY (i.id = p.cover_image_id) DESC, i.position, i.created_at LIMIT 1) c ON true
      WHERE (p.promoter_id = ${userId} OR EXISTS (SELECT 1 FROM project_team pt WHERE pt.project_id = p.id AND pt.user_id = ${userId}))
        AND p.status IN ('published', 'in_progress', 'completed') AND p.hidden_at IS NULL
      ORDER BY p.published_at DESC NULLS LAST, p.id DESC LIMIT ${LIMIT}`);
  },
  async offers(db: Db, userId: string): Promise<PersonOfferRow[]> {
    return execRows<PersonOfferRow>(db, sql`
      SELECT o.id, o.title, o.description, o.language, o.kind FROM offers o
      WHERE o.owner_id = ${userId} AND o.status = 'active' AND o.hidden_at IS NULL
      ORDER BY o.created_at DESC, o.id DESC LIMIT ${LIMIT}`);
  },
  async boards(db: Db, userId: string, includePrivate: boolean): Promise<PersonBoardRow[]> {
    return execRows<PersonBoardRow>(db, sql`
      SELECT b.id, b.title, b.description, b.language, b.visibility, (SELECT count(*)::int FROM board_items bi WHERE bi.board_id = b.id) AS items
      FROM boards b
      WHERE b.owner_id = ${userId} AND b.hidden_at IS NULL ${includePrivate ? sql`` : sql`AND b.visibility = 'public'`}
      ORDER BY b.updated_at DESC, b.id DESC LIMIT ${LIMIT}`);
  },
  async contributions(db: Db, userId: string, includeUnnamed: boolean): Promise<PersonContributionRow[]> {
    return execRows<PersonContributionRow>(db, sql`
      SELECT pl.id, p.id AS project_id, p.title AS project_title, p.language AS project_language, n.title AS need_title, pl.quantity, pl.fulfilled_at, pl.show_name
      FROM pledges pl JOIN projects p ON p.id = pl.project_id JOIN needs n ON n.id = pl.need_id
      WHERE pl.supporter_id = ${userId} AND pl.status = 'fulfilled' AND pl.fulfilled_at IS NOT NULL AND pl.fulfilled_at <= now()
        AND p.status IN ('published', 'in_progress', 'completed') AND p.hidden_at IS NULL
        ${includeUnnamed ? sql`` : sql`AND pl.show_name`}
      ORDER BY pl.fulfilled_at DESC, pl.id DESC LIMIT ${LIMIT}`);
  },
};
