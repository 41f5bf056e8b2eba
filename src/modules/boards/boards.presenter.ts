import { z } from 'zod';
import type { Locale } from '../../platform/i18n/i18n.js';
import { imageSources } from '../projects/projects.images.js';
import { ZProjectCard } from '../projects/projects.presenter.js';
import { ZOffer } from '../offers/offers.presenter.js';
import { BOARD_ITEM_TYPES, BOARD_VISIBILITIES } from './boards.domain.js';
import type { BoardListRow } from './boards.types.js';

const ZRef = z.object({ slug: z.string(), name: z.string() });

export const ZBoard = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  description: z.string(),
  language: z.enum(['fr', 'en']),
  visibility: z.enum(BOARD_VISIBILITIES),
  /** Made by a caisse's staff for a territory (shown on the territory's page). */
  curated: z.boolean(),
  territory: ZRef.nullable(),
  caisse: ZRef.nullable(),
  owner: z.object({ handle: z.string(), displayName: z.string() }).nullable(),
  /** Items whose content is visible (hidden projects and paused offers are not counted). */
  itemCount: z.number().int(),
  cover: z.object({ src: z.string(), srcset: z.string(), width: z.number().int(), height: z.number().int(), alt: z.string() }).nullable(),
  /** Set by moderation; shown to the owner and moderators only (everyone else gets 404). */
  hidden: z.object({ at: z.string(), reason: z.string() }).nullable(),
  mine: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BoardView = z.output<typeof ZBoard>;
export const ZBoardList = z.object({ items: z.array(ZBoard), nextCursor: z.string().nullable() });

export const ZBoardItem = z.object({
  itemType: z.enum(BOARD_ITEM_TYPES),
  itemId: z.string(),
  /** 0-based rank among the visible items. */
  position: z.number().int(),
  note: z.string(),
  addedAt: z.string(),
  project: ZProjectCard.nullable(),
  offer: ZOffer.nullable(),
});
export type BoardItemView = z.output<typeof ZBoardItem>;

export const ZBoardDetail = ZBoard.extend({
  items: z.array(ZBoardItem),
  can: z.object({ edit: z.boolean(), delete: z.boolean(), follow: z.boolean() }),
});
export type BoardDetailView = z.output<typeof ZBoardDetail>;

export const boardUrl = (id: string) => `/tableaux/${id}`;

export function presentBoard(row: BoardListRow, locale: Locale, viewer: { id: string } | null): BoardView {
  return {
    id: row.id,
    url: boardUrl(row.id),
    title: row.title,
    description: row.description,
    language: row.language,
    visibility: row.visibility,
    curated: row.curated,
    territory: row.territorySlug ? { slug: row.territorySlug, name: (locale === 'en' ? row.territoryNameEn : row.territoryNameFr) ?? row.territorySlug } : null,
    caisse: row.caisseSlug && row.caisseName ? { slug: row.caisseSlug, name: row.caisseName } : null,
    owner: row.ownerHandle && row.ownerName ? { handle: row.ownerHandle, displayName: row.ownerName } : null,
    itemCount: row.itemCount,
    cover: row.cover ? { ...imageSources(row.cover), alt: row.cover.alt } : null,
    hidden: row.hiddenAt ? { at: row.hiddenAt.toISOString(), reason: row.hiddenReason ?? '' } : null,
    mine: viewer !== null && row.ownerId === viewer.id,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
