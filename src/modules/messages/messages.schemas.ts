import { z } from 'zod';
import { ZListQuery } from '../../platform/pagination.js';

export const CONTEXT_TYPES = ['need', 'pledge', 'project'] as const;
export type ContextType = (typeof CONTEXT_TYPES)[number];
export const MESSAGE_MAX = 5000;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const handle = z.string().trim().toLowerCase().min(1).max(60);
const body = z.string().trim().min(1).max(MESSAGE_MAX);

export const ZConversationParams = z.object({ id: z.string().min(1).max(40) });
export const ZHandleParams = z.object({ handle });

/** Starting a conversation with one other person, optionally about a need, a pledge or a project. */
export const ZStartConversationBody = z
  .object({
    to: handle,
    subject: z.string().trim().max(200).default(''),
    contextType: z.preprocess(blankToUndefined, z.enum(CONTEXT_TYPES).optional()),
    contextId: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()),
    body,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.contextType && !v.contextId) ctx.addIssue({ code: 'custom', path: ['contextId'], message: 'validation.required' });
    if (v.contextId && !v.contextType) ctx.addIssue({ code: 'custom', path: ['contextType'], message: 'validation.required' });
  });
export type TStartConversationBody = z.output<typeof ZStartConversationBody>;

export const ZMessageBody = z.object({ body }).strict();
export type TMessageBody = z.output<typeof ZMessageBody>;

export const ZBlockBody = z.object({ handle }).strict();

export const ZConversationListQuery = ZListQuery;
export const ZMessageListQuery = ZListQuery;

/** `?contexte=need:<id>` on the new-conversation page. */
export function parseContext(value: unknown): { contextType: ContextType; contextId: string } | null {
  if (typeof value !== 'string') return null;
  const [type, id] = value.split(':');
  const parsed = z.enum(CONTEXT_TYPES).safeParse(type);
  return parsed.success && id && /^[A-Za-z0-9_-]{1,40}$/.test(id) ? { contextType: parsed.data, contextId: id } : null;
}
