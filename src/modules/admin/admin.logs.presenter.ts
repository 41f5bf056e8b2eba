import { z } from 'zod';
import { ROLES, type Role } from '../auth/auth.domain.js';
import type { auditLog, mailOutbox } from '../../platform/platform.tables.js';

type GrantInput = { id: string; role: Role; displayName: string; email: string; handle: string; caisseName: string | null; caisseSlug: string | null; createdAt: Date };
type OutboxInput = Pick<typeof mailOutbox.$inferSelect, 'id' | 'toAddress' | 'subject' | 'textBody' | 'kind' | 'status' | 'attempts' | 'lastError' | 'sentAt' | 'createdAt'>;
type AuditInput = typeof auditLog.$inferSelect & { actorName: string | null; actorHandle: string | null };

export const ZRoleGrant = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  person: z.object({ handle: z.string(), displayName: z.string(), email: z.string() }),
  caisse: z.object({ slug: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type RoleGrantView = z.output<typeof ZRoleGrant>;

/** Admins see who holds which role, with the e-mail used to grant it. */
export function presentRoleGrant(g: GrantInput): RoleGrantView {
  return {
    id: g.id,
    role: g.role,
    person: { handle: g.handle, displayName: g.displayName, email: g.email },
    caisse: g.caisseSlug && g.caisseName ? { slug: g.caisseSlug, name: g.caisseName } : null,
    createdAt: g.createdAt.toISOString(),
  };
}

export const ZOutboxMail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  kind: z.string(),
  status: z.enum(['pending', 'sent', 'dev', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** The plain-text body holds one-time links: this presenter serves admins only. */
  textBody: z.string(),
});
export type OutboxMailView = z.output<typeof ZOutboxMail>;

export function presentOutboxMail(m: OutboxInput): OutboxMailView {
  return {
    id: m.id,
    to: m.toAddress,
    subject: m.subject,
    kind: m.kind,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    textBody: m.textBody,
  };
}

export const ZAuditEntry = z.object({
  id: z.string(),
  actor: z.object({ handle: z.string(), displayName: z.string() }).nullable(),
  action: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type AuditEntryView = z.output<typeof ZAuditEntry>;

export function presentAuditEntry(e: AuditInput): AuditEntryView {
  return {
    id: e.id,
    actor: e.actorHandle && e.actorName ? { handle: e.actorHandle, displayName: e.actorName } : null,
    action: e.action,
    subject: { type: e.subjectType, id: e.subjectId },
    data: e.data,
    createdAt: e.createdAt.toISOString(),
  };
}

export const ZPage = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
