import type { Limit } from '../../platform/rate-limit.js';

/** Sending messages (starting a conversation included): 30 a minute per person. */
export const MESSAGE_LIMIT: Limit = { name: 'message-user', max: 30, windowSeconds: 60 };

export type Blocks = { iBlocked: boolean; blockedMe: boolean };

/**
 * Nobody writes to someone who blocked them; whoever blocked someone unblocks them before writing
 * again. Existing conversations stay readable either way.
 */
export function canWrite(blocks: Blocks): boolean {
  return !blocks.iBlocked && !blocks.blockedMe;
}

/** A pledge is private to its supporter and the project team; needs and projects follow the project's visibility. */
export function canTalkAboutPledge(me: string, pledge: { supporterId: string | null; onTeam: boolean }): boolean {
  return pledge.onTeam || pledge.supporterId === me;
}

/** The page a conversation's context points to. */
export function contextUrl(type: 'need' | 'pledge' | 'project', id: string): string {
  return type === 'need' ? `/besoins/${id}` : type === 'pledge' ? `/engagements/${id}` : `/projets/${id}`;
}
