import { and, eq, sql, type SQL } from 'drizzle-orm';
import { execRows, type Db } from '../../db/client.js';
import type { Cursor } from '../../platform/pagination.js';
import type { FieldVisibility } from '../auth/auth.tables.js';
import type { ProjectCardRow } from '../projects/projects.types.js';
import type { OfferRecord } from '../offers/offers.types.js';
import { boardItems, boards, type BoardItemType } from './boards.tables.js';
import type { BoardItemRow, BoardListRow, BoardRow, NewBoard } from './boards.types.js';

const exactTime = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);
const asDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

/** Content a board may show: a public, unhidden project; an active offer whose owner's account is active. */
const visibleItem = (alias: string) => sql.raw(`(
  (${alias}.item_type = 'project' AND EXISTS (SELECT 1 FROM projects vp WHERE vp.id = ${alias}.item_id AND vp.status IN ('published', 'in_progress', 'completed') AND vp.hidden_at IS NULL))
  OR (${alias}.item_type = 'offer' AND EXISTS (SELECT 1 FROM offers vo JOIN users vu ON vu.id = vo.owner_id WHERE vo.id = ${alias}.item_id AND vo.status = 'active' AND vu.deleted_at IS NULL AND vu.suspended_at IS NULL)))`);

/** Boards whose owner's account is gone or suspended do not show. */
const ownerActive = sql`(b.owner_id IS NULL OR (u.deleted_at IS NULL AND u.suspended_at IS NULL))`;

type RawBoard = {
  id: string; owner_id: string | null; title: string; description: string; language: 'fr' | 'en'; visibility: 'public' | 'private'; curated: boolean; territory_id: string | null; caisse_id: string | null;
  hidden_at: Date | string | null; hidden_reason: string | null; created_at: Date | string; updated_at: Date | string; cursor_at: string;
  owner_handle: string | null; owner_name: string | null; territory_slug: string | null; name_fr: string | null; name_en: string | null; caisse_slug: string | null; caisse_name: string | null;
  item_count: number; cover_key: string | null; cover_alt: string | null; cover_width: number | null; cover_height: number | null;
};

const boardColumns = sql`b.id, b.owner_id, b.title, b.description, b.language, b.visibility, b.curated, b.territory_id, b.caisse_id, b.hidden_at, b.hidden_reason, b.created_at, b.updated_at,
  ${exactTime('b.updated_at')} AS cursor_at, u.handle AS owner_handle, u.display_name AS owner_name, t.slug AS territory_slug, t.name_fr, t.name_en, c.slug AS caisse_slug, c.name AS caisse_name,
  (SELECT count(*) FROM board_items bi WHERE bi.board_id = b.id AND ${visibleItem('bi')})::int AS item_count,
  cov.storage_key AS cover_key, cov.alt AS cover_alt, cov.width AS cover_width, cov.height AS cover_height`;

/** The cover of a board: the cover (else first image) of its first visible project. */
const boardJoins = sql`FROM boards b LEFT JOIN users u ON u.id = b.owner_id LEFT JOIN territories t ON t.id = b.territory_id LEFT JOIN caisses c ON c.id = b.caisse_id
  LEFT JOIN LATERAL (
    SELECT i.storage_key, i.alt, i.width, i.height FROM board_items ci JOIN projects p ON ci.item_type = 'project' AND p.id = ci.item_id
      JOIN project_images i ON i.project_id = p.id
    WHERE ci.board_id = b.id AND p.status IN ('published', 'in_progress', 'completed') AND p.hidden_at IS NULL
    ORDER BY ci.position, ci.created_at, (i.id = p.cover_image_id) DESC, i.position, i.created_at LIMIT 1) cov ON true`;

function toBoard(r: RawBoard): BoardListRow {
  return {
    id: r.id, ownerId: r.owner_id, title: r.title, description: r.description, language: r.language, visibility: r.visibility, curated: r.curated, territoryId: r.territory_id, caisseId: r.caisse_id,
    hiddenAt: asDate(r.hidden_at), hiddenReason: r.hidden_reason, createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at), cursorAt: r.cursor_at,
    ownerHandle: r.owner_handle, ownerName: r.owner_name, territorySlug: r.territory_slug, territoryNameFr: r.name_fr, territoryNameEn: r.name_en, caisseSlug: r.caisse_slug, caisseName: r.caisse_name,
    itemCount: r.item_count, cover: r.cover_key ? { storageKey: r.cover_key, alt: r.cover_alt ?? '', width: r.cover_width ?? 0, height: r.cover_height ?? 0 } : null,
  };
}

export type BoardListFilters = {
  /** Only this owner's boards. */
  ownerId?: string | undefined;
  /** Include private and hidden boards (the owner's own list). */
  includePrivate: boolean;
  territoryId?: string | undefined;
  curated?: boolean | undefined;
};

type RawCard = {
  id: string; title: string; summary: string; category: ProjectCardRow['category']; status: ProjectCardRow['status']; language: 'fr' | 'en'; published_at: Date | string | null; cursor_at: string | null;
  territory_slug: string; name_fr: string; name_en: string; cover_key: string | null; cover_alt: string | null; cover_width: number | null; cover_height: number | null;
};

type RawOffer = {
  id: string; owner_id: string; organisation_id: string | null; kind: OfferRecord['kind']; title: string; description: string; quantity: number | null; period: OfferRecord['period']; territory_ids: string[]; skills: string[];
  availability: string; status: OfferRecord['status']; created_at: Date | string; updated_at: Date | string; cursor_at: string; language: OfferRecord['language'];
  owner_handle: string; owner_name: string; owner_territory_id: string | null; owner_territory_visibility: FieldVisibility | null; org_slug: string | null; org_name: string | null; org_territory_id: string | null; org_signed_at: Date | string | null;
};

const idList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

export const boardsRepository = {
  async insert(db: Db, row: NewBoard): Promise<void> {
    await db.insert(boards).values(row);
  },
  async update(db: Db, id: string, patch: Partial<NewBoard>): Promise<void> {
    await db.update(boards).set({ ...patch, updatedAt: sql`now()` }).where(eq(boards.id, id));
  },
  async touch(db: Db, id: string): Promise<void> {
    await db.update(boards).set({ updatedAt: sql`now()` }).where(eq(boards.id, id));
  },
  async delete(db: Db, id: string): Promise<void> {
    await db.delete(boards).where(eq(boards.id, id));
  },
  /** One board with its names, visible item count and cover (whoever may see it: the service decides). */
  async findById(db: Db, id: string): Promise<BoardListRow | undefined> {
    const rows = await execRows<RawBoard>(db, sql`SELECT ${boardColumns} ${boardJoins} WHERE b.id = ${id} AND ${ownerActive}`);
    return rows[0] ? toBoard(rows[0]) : undefined;
  },
  /** Holds the board row for the rest of the transaction (item count, positions). */
  async lock(db: Db, id: string): Promise<BoardRow | undefined> {
    const rows = await db.select().from(boards).where(eq(boards.id, id)).for('update');
    return rows[0];
  },
  /** Holds the owner's row so two concurrent creations cannot both pass the per-person limit. */
  async lockOwner(db: Db, ownerId: string): Promise<void> {
    await execRows(db, sql`SELECT id FROM users WHERE id = ${ownerId} FOR UPDATE`);
  },
  async countByOwner(db: Db, ownerId: string): Promise<number> {
    const rows = await execRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM boards WHERE owner_id = ${ownerId}`);
    return rows[0]?.n ?? 0;
  },
  /**
   * Boards, most recently changed first; keyset on (updatedAt, id). Without `includePrivate`, only
   * public boards not hidden by moderation. Returns up to limit + 1 rows.
   */
  async list(db: Db, f: BoardListFilters, limit: number, after?: Cursor): Promise<BoardListRow[]> {
    const where: SQL[] = [ownerActive];
    if (!f.includePrivate) where.push(sql`b.visibility = 'public' AND b.hidden_at IS NULL`);
    if (f.ownerId) where.push(sql`b.owner_id = ${f.ownerId}`);
    if (f.territoryId) where.push(sql`b.territory_id = ${f.territoryId}`);
    if (f.curated !== undefined) where.push(sql`b.curated = ${f.curated}`);
    if (after) where.push(sql`(b.updated_at, b.id) < (${after.at}::timestamptz, ${after.id})`);
    const rows = await execRows<RawBoard>(db, sql`SELECT ${boardColumns} ${boardJoins} WHERE ${sql.join(where, sql` AND `)} ORDER BY b.updated_at DESC, b.id DESC LIMIT ${limit + 1}`);
    return rows.map(toBoard);
  },
  /** Every item of a board in its order, with whether its content may be shown. */
  async items(db: Db, boardId: string): Promise<BoardItemRow[]> {
    const rows = await execRows<{ item_type: BoardItemType; item_id: string; position: number; note: string; created_at: Date | string; visible: boolean }>(db, sql`
      SELECT bi.item_type, bi.item_id, bi.position, bi.note, bi.created_at, ${visibleItem('bi')} AS visible
      FROM board_items bi WHERE bi.board_id = ${boardId} ORDER BY bi.position, bi.created_at, bi.item_type, bi.item_id`);
    return rows.map((r) => ({ itemType: r.item_type, itemId: r.item_id, position: r.position, note: r.note, createdAt: new Date(r.created_at), visible: r.visible }));
  },
  /** Adds an item; false when it was already there. */
  async insertItem(db: Db, row: { boardId: string; itemType: BoardItemType; itemId: string; position: number; note: string; addedBy: string }): Promise<boolean> {
    const rows = await db.insert(boardItems).values(row).onConflictDoNothing().returning({ boardId: boardItems.boardId });
    return rows.length > 0;
  },
  async setNote(db: Db, boardId: string, itemType: BoardItemType, itemId: string, note: string): Promise<void> {
    await db.update(boardItems).set({ note }).where(and(eq(boardItems.boardId, boardId), eq(boardItems.itemType, itemType), eq(boardItems.itemId, itemId)));
  },
  async deleteItem(db: Db, boardId: string, itemType: BoardItemType, itemId: string): Promise<boolean> {
    const rows = await db.delete(boardItems).where(and(eq(boardItems.boardId, boardId), eq(boardItems.itemType, itemType), eq(boardItems.itemId, itemId))).returning({ boardId: boardItems.boardId });
    return rows.length > 0;
  },
  /** Rewrites every position from an ordered list (call inside the transaction that locked the board). */
  async setPositions(db: Db, boardId: string, order: { itemType: BoardItemType; itemId: string }[]): Promise<void> {
    if (order.length === 0) return;
    const values = sql.join(order.map((o, i) => sql`(${o.itemType}, ${o.itemId}, ${i}::int)`), sql`, `);
    await db.execute(sql`UPDATE board_items bi SET position = v.position FROM (VALUES ${values}) AS v(item_type, item_id, position)
      WHERE bi.board_id = ${boardId} AND bi.item_type = v.item_type AND bi.item_id = v.item_id`);
  },
  /** What an item is, when it may be added to a board (a public unhidden project, an active offer). */
  async availableItem(db: Db, itemType: BoardItemType, itemId: string): Promise<{ title: string; projectId: string | null; territoryId: string | null } | undefined> {
    const query = itemType === 'project'
      ? sql`SELECT p.title, p.id AS project_id, p.territory_id FROM projects p WHERE p.id = ${itemId} AND p.status IN ('published', 'in_progress', 'completed') AND p.hidden_at IS NULL`
      : sql`SELECT o.title, NULL AS project_id, NULL AS territory_id FROM offers o JOIN users u ON u.id = o.owner_id WHERE o.id = ${itemId} AND o.status = 'active' AND u.deleted_at IS NULL AND u.suspended_at IS NULL`;
    const rows = await execRows<{ title: string; project_id: string | null; territory_id: string | null }>(db, query);
    return rows[0] ? { title: rows[0].title, projectId: rows[0].project_id, territoryId: rows[0].territory_id } : undefined;
  },
  /** Grid cards of the given public, unhidden projects (any order). */
  async projectCards(db: Db, ids: string[]): Promise<ProjectCardRow[]> {
    if (ids.length === 0) return [];
    const rows = await execRows<RawCard>(db, sql`
      SELECT p.id, p.title, p.summary, p.category, p.status, p.language, p.published_at, ${exactTime('p.published_at')} AS cursor_at,
        t.slug AS territory_slug, t.name_fr, t.name_en, c.storage_key AS cover_key, c.alt AS cover_alt, c.width AS cover_width, c.height AS cover_height
      FROM projects p JOIN territories t ON t.id = p.territory_id
      LEFT JOIN LATERAL (SELECT i.storage_key, i.alt, i.width, i.height FROM project_images i WHERE i.project_id = p.id ORDER BY (i.id = p.cover_image_id) DESC, i.position, i.created_at LIMIT 1) c ON true
      WHERE p.id IN (${idList(ids)}) AND p.status IN ('published', 'in_progress', 'completed') AND p.hidden_at IS NULL`);
    return rows.map((r) => ({
      id: r.id, title: r.title, summary: r.summary, category: r.category, status: r.status, language: r.language, publishedAt: asDate(r.published_at), cursorAt: r.cursor_at,
      territorySlug: r.territory_slug, territoryNameFr: r.name_fr, territoryNameEn: r.name_en,
      cover: r.cover_key ? { storageKey: r.cover_key, alt: r.cover_alt ?? '', width: r.cover_width ?? 0, height: r.cover_height ?? 0 } : null, rank: null, excerpt: null,
    }));
  },
  /** The given active offers of active accounts, shaped for the offers presenter (any order). */
  async offerRecords(db: Db, ids: string[]): Promise<OfferRecord[]> {
    if (ids.length === 0) return [];
    const rows = await execRows<RawOffer>(db, sql`
      SELECT o.id, o.owner_id, o.organisation_id, o.kind, o.title, o.description, o.language, o.quantity, o.period, o.territory_ids, o.skills, o.availability, o.status, o.created_at, o.updated_at,
        ${exactTime('o.created_at')} AS cursor_at, u.handle AS owner_handle, u.display_name AS owner_name, u.territory_id AS owner_territory_id, u.privacy->>'territory' AS owner_territory_visibility,
        g.slug AS org_slug, g.name AS org_name, g.territory_id AS org_territory_id, g.charter_signed_at AS org_signed_at
      FROM offers o JOIN users u ON u.id = o.owner_id LEFT JOIN organisations g ON g.id = o.organisation_id
      WHERE o.id IN (${idList(ids)}) AND o.status = 'active' AND o.hidden_at IS NULL AND u.deleted_at IS NULL AND u.suspended_at IS NULL`);
    return rows.map((r) => ({
      id: r.id, ownerId: r.owner_id, organisationId: r.organisation_id, kind: r.kind, title: r.title, description: r.description, language: r.language, quantity: r.quantity, period: r.period,
      territoryIds: r.territory_ids, skills: r.skills, availability: r.availability, status: r.status, hiddenAt: null, hiddenReason: null, createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at), cursorAt: r.cursor_at,
      owner: { handle: r.owner_handle, displayName: r.owner_name, territoryId: r.owner_territory_id, territoryVisibility: r.owner_territory_visibility ?? 'private' },
      organisation: r.org_slug ? { slug: r.org_slug, name: r.org_name ?? '', territoryId: r.org_territory_id, partner: r.org_signed_at !== null } : null,
    }));
  },
  /** A person's boards (most recent first) and whether each already holds this item, for the save-to-board form. */
  async choicesFor(db: Db, ownerId: string, itemType: BoardItemType, itemId: string): Promise<{ id: string; title: string; hasItem: boolean }[]> {
    const rows = await execRows<{ id: string; title: string; has_item: boolean }>(db, sql`
      SELECT b.id, b.title, EXISTS (SELECT 1 FROM board_items bi WHERE bi.board_id = b.id AND bi.item_type = ${itemType} AND bi.item_id = ${itemId}) AS has_item
      FROM boards b WHERE b.owner_id = ${ownerId} ORDER BY b.updated_at DESC, b.id DESC LIMIT 200`);
    return rows.map((r) => ({ id: r.id, title: r.title, hasItem: r.has_item }));
  },
  async territoryBySlug(db: Db, slug: string): Promise<{ id: string; slug: string } | undefined> {
    const rows = await execRows<{ id: string; slug: string }>(db, sql`SELECT id, slug FROM territories WHERE slug = ${slug}`);
    return rows[0];
  },
  async caisseBySlug(db: Db, slug: string): Promise<{ id: string } | undefined> {
    const rows = await execRows<{ id: string }>(db, sql`SELECT id FROM caisses WHERE slug = ${slug}`);
    return rows[0];
  },
  async userIdByHandle(db: Db, handle: string): Promise<string | undefined> {
    const rows = await execRows<{ id: string }>(db, sql`SELECT id FROM users WHERE handle = ${handle} AND deleted_at IS NULL AND suspended_at IS NULL`);
    return rows[0]?.id;
  },
  /** Territories whose curated boards this person may make: those served by a caisse they are staff or admin of. */
  async curatableTerritories(db: Db, caisseIds: string[] | 'all'): Promise<{ slug: string; nameFr: string; nameEn: string; caisseId: string; caisseSlug: string; caisseName: string }[]> {
    if (caisseIds !== 'all' && caisseIds.length === 0) return [];
    const scope = caisseIds === 'all' ? sql`` : sql`WHERE ct.caisse_id IN (${idList(caisseIds)})`;
    const rows = await execRows<{ slug: string; name_fr: string; name_en: string; caisse_id: string; caisse_slug: string; caisse_name: string }>(db, sql`
      SELECT t.slug, t.name_fr, t.name_en, c.id AS caisse_id, c.slug AS caisse_slug, c.name AS caisse_name
      FROM caisse_territories ct JOIN territories t ON t.id = ct.territory_id JOIN caisses c ON c.id = ct.caisse_id ${scope}
      ORDER BY t.position, t.name_fr, c.name`);
    return rows.map((r) => ({ slug: r.slug, nameFr: r.name_fr, nameEn: r.name_en, caisseId: r.caisse_id, caisseSlug: r.caisse_slug, caisseName: r.caisse_name }));
  },

};
