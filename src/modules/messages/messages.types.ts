import type { ContextType } from './messages.schemas.js';

export type ConversationRow = {
  id: string; subject: string; context_type: ContextType | null; context_id: string | null; last_message_at: Date | string; cursor_at: string;
  other_handle: string | null; other_name: string | null; other_id: string | null; unread: number; last_body: string | null; last_author_id: string | null; last_hidden?: boolean | null;
};
export type MessageRow = { id: string; body: string; author_id: string | null; author_handle: string | null; author_name: string | null; author_locale?: 'fr' | 'en' | null; created_at: Date | string; cursor_at: string; hidden_at?: Date | string | null; hidden_reason?: string | null };
/** A need, pledge or project a conversation may be about, with what deciding access needs. */
export type ContextRow = { title: string; project_id: string; supporter_id: string | null; on_team: boolean };
