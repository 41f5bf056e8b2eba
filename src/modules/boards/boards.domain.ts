/** The boards domain's closed sets and value types; `boards.tables.ts` uses them and re-exports them. */
export const BOARD_VISIBILITIES = ['public', 'private'] as const;
export type BoardVisibility = (typeof BOARD_VISIBILITIES)[number];
export const BOARD_ITEM_TYPES = ['project', 'offer'] as const;
export type BoardItemType = (typeof BOARD_ITEM_TYPES)[number];
