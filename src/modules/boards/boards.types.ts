import type { boards } from './boards.tables.js';
import type { BoardItemType } from './boards.domain.js';

export type BoardRow = typeof boards.$inferSelect;
export type NewBoard = typeof boards.$inferInsert;

/** A board with the names around it and what lists show (visible item count, a cover). */
export type BoardListRow = BoardRow & {
  cursorAt: string;
  ownerHandle: string | null;
  ownerName: string | null;
  territorySlug: string | null;
  territoryNameFr: string | null;
  territoryNameEn: string | null;
  caisseSlug: string | null;
  caisseName: string | null;
  itemCount: number;
  cover: { storageKey: string; alt: string; width: number; height: number } | null;
};

/** One stored item, and whether its content may be shown (public project, active offer). */
export type BoardItemRow = { itemType: BoardItemType; itemId: string; position: number; note: string; createdAt: Date; visible: boolean };
