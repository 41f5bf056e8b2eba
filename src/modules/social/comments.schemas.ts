import { z } from 'zod';
import { ZListQuery } from '../../platform/pagination.js';
import { COMMENT_MAX } from './comments.policy.js';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const id = z.string().trim().min(1).max(40);
const body = z.string().trim().min(1).max(COMMENT_MAX);

export const ZProjectCommentsParams = z.object({ id });
export const ZCommentParams = z.object({ id });

/** `?update=<id>` lists the comments of one of the project's updates instead of the project's own. */
export const ZCommentListQuery = ZListQuery.extend({ update: z.preprocess(blankToUndefined, id.optional()) });
export type TCommentListQuery = z.output<typeof ZCommentListQuery>;

/** A comment on the project, or on one of its updates (`updateId`); `parentId` makes it a reply. */
export const ZCreateCommentBody = z
  .object({
    body,
    parentId: z.preprocess(blankToUndefined, id.optional()),
    updateId: z.preprocess(blankToUndefined, id.optional()),
  })
  .strict();
export type TCreateCommentBody = z.output<typeof ZCreateCommentBody>;

export const ZEditCommentBody = z.object({ body }).strict();
export type TEditCommentBody = z.output<typeof ZEditCommentBody>;
