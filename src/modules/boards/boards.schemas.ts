import { z } from 'zod';
import { ZListQuery } from '../../platform/pagination.js';
import { BOARD_ITEM_TYPES, BOARD_VISIBILITIES } from './boards.domain.js';
import { BOARD_LIMITS } from './boards.policy.js';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** JSON booleans, and what forms and query strings send ("true", "on", "1"). */
const flag = z.preprocess((v) => (v === 'true' || v === 'on' || v === '1' ? true : v === 'false' || v === '0' || v === '' ? false : v), z.boolean());
const slug = z.string().trim().toLowerCase().min(1).max(80);
const id = z.string().trim().min(1).max(40);

export const ZBoardParams = z.object({ id });

const title = z.string().trim().min(1).max(BOARD_LIMITS.titleMax);
const description = z.string().trim().max(BOARD_LIMITS.descriptionMax);

export const ZCreateBoardBody = z
  .object({
    title,
    description: description.default(''),
    language: z.enum(['fr', 'en']).default('fr'),
    visibility: z.enum(BOARD_VISIBILITIES).default('public'),
    curated: flag.default(false),
    /** A territory's slug: required for a curated board, optional otherwise. */
    territory: z.preprocess(blankToUndefined, slug.optional()),
    /** For a curated board: the caisse it is made for, when the author is staff of several serving the territory. */
    caisse: z.preprocess(blankToUndefined, slug.optional()),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.curated && !v.territory) ctx.addIssue({ code: 'custom', path: ['territory'], message: 'validation.required' });
  });
export type TCreateBoardBody = z.output<typeof ZCreateBoardBody>;

export const ZUpdateBoardBody = z
  .object({
    title: title.optional(),
    description: description.optional(),
    language: z.enum(['fr', 'en']).optional(),
    visibility: z.enum(BOARD_VISIBILITIES).optional(),
    /** A territory's slug, or null / "" to detach (curated boards keep theirs). */
    territory: z.preprocess((v) => (v === '' ? null : v), slug.nullable().optional()),
  })
  .strict();
export type TUpdateBoardBody = z.output<typeof ZUpdateBoardBody>;

export const ZItemKey = z.object({ itemType: z.enum(BOARD_ITEM_TYPES), itemId: id });
export const ZAddItemBody = ZItemKey.extend({ note: z.string().trim().max(BOARD_LIMITS.noteMax).default('') }).strict();
export type TAddItemBody = z.output<typeof ZAddItemBody>;
export const ZRemoveItemBody = ZItemKey.strict();

/** The whole new order of the board's (visible) items, first to last. */
export const ZReorderBody = z.object({ items: z.array(ZItemKey).max(BOARD_LIMITS.itemsPerBoard) }).strict();
export type TReorderBody = z.output<typeof ZReorderBody>;

export const ZMoveBody = ZItemKey.extend({ direction: z.enum(['up', 'down']) }).strict();
export type TMoveBody = z.output<typeof ZMoveBody>;

export const ZBoardListQuery = ZListQuery.extend({
  territory: z.preprocess(blankToUndefined, slug.optional()),
  curated: z.preprocess(blankToUndefined, flag.optional()),
  owner: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().max(60).optional()),
  mine: z.preprocess(blankToUndefined, flag.optional()),
});
export type TBoardListQuery = z.output<typeof ZBoardListQuery>;

/** The save-to-board form: an existing board of mine, or "new" with a title. */
export const ZSaveToBoardForm = z
  .object({
    itemType: z.enum(BOARD_ITEM_TYPES),
    itemId: id,
    boardId: z.preprocess(blankToUndefined, z.string().trim().max(40).default('new')),
    newTitle: z.preprocess(blankToUndefined, title.optional()),
    note: z.string().trim().max(BOARD_LIMITS.noteMax).default(''),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.boardId === 'new' && !v.newTitle) ctx.addIssue({ code: 'custom', path: ['newTitle'], message: 'validation.required' });
  });
export type TSaveToBoardForm = z.output<typeof ZSaveToBoardForm>;
