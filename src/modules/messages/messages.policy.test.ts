import { describe, expect, it } from 'vitest';
import { canTalkAboutPledge, canWrite, contextUrl } from './messages.policy.js';
import { parseContext } from './messages.schemas.js';

describe('writing', () => {
  it('is refused when either person blocked the other', () => {
    expect(canWrite({ iBlocked: false, blockedMe: false })).toBe(true);
    expect(canWrite({ iBlocked: true, blockedMe: false })).toBe(false);
    expect(canWrite({ iBlocked: false, blockedMe: true })).toBe(false);
  });

  it('about a pledge, is for its supporter and the project team', () => {
    expect(canTalkAboutPledge('me', { supporterId: 'me', onTeam: false })).toBe(true);
    expect(canTalkAboutPledge('me', { supporterId: 'someone', onTeam: true })).toBe(true);
    expect(canTalkAboutPledge('me', { supporterId: 'someone', onTeam: false })).toBe(false);
  });
});

describe('the context of a new conversation', () => {
  it('reads ?contexte=need:<id> and links back to it', () => {
    expect(parseContext('need:abc_12-3')).toEqual({ contextType: 'need', contextId: 'abc_12-3' });
    expect(parseContext('pledge:')).toBeNull();
    expect(parseContext('user:abc')).toBeNull();
    expect(parseContext('need:<script>')).toBeNull();
    expect([contextUrl('need', 'n1'), contextUrl('pledge', 'p1'), contextUrl('project', 'x1')]).toEqual(['/besoins/n1', '/engagements/p1', '/projets/x1']);
  });
});
