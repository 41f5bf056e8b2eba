import { describe, expect, it } from 'vitest';
import { actionRefusal, canModerate, canReport, isModerator, notificationKind, reportOutcome, seesHidden, type ModerationActor } from './moderation.policy.js';
import { moderatedCaisseIds } from '../access/access.scope.js';
import { MODERATION_ACTIONS, REPORT_TARGETS } from './moderation.domain.js';
import { canViewProject, type ProjectPolicyContext } from '../projects/projects.policy.js';

type Grant = { role: 'staff' | 'moderator' | 'admin'; caisseId: string | null };
const person = (id: string, roles: Grant[] = []): ModerationActor => ({ id, roles });
const HERE = ['caisse-here', 'caisse-also-here'];

const ACTORS = {
  visitor: null,
  member: person('member'),
  author: person('author'),
  staffHere: person('staff', [{ role: 'staff', caisseId: 'caisse-here' }]),
  moderatorHere: person('mod', [{ role: 'moderator', caisseId: 'caisse-also-here' }]),
  caisseAdminHere: person('cadmin', [{ role: 'admin', caisseId: 'caisse-here' }]),
  moderatorElsewhere: person('mod2', [{ role: 'moderator', caisseId: 'caisse-elsewhere' }]),
  platformAdmin: person('admin', [{ role: 'admin', caisseId: null }]),
} satisfies Record<string, ModerationActor>;

describe('who moderates what', () => {
  it('moderators, staff and admins of a serving caisse, and platform admins', () => {
    const matrix = Object.fromEntries(Object.entries(ACTORS).map(([name, a]) => [name, [isModerator(a), canModerate(a, HERE), canModerate(a, [])]]));
    expect(matrix).toEqual({
      visitor: [false, false, false],
      member: [false, false, false],
      author: [false, false, false],
      staffHere: [true, true, false],
      moderatorHere: [true, true, false],
      caisseAdminHere: [true, true, false],
      moderatorElsewhere: [true, false, false],
      platformAdmin: [true, true, true],
    });
    expect(moderatedCaisseIds(person('x', [{ role: 'moderator', caisseId: 'a' }, { role: 'admin', caisseId: 'a' }, { role: 'staff', caisseId: 'b' }])).sort()).toEqual(['a', 'b']);
  });
});

describe('the action rule', () => {
  const target = (type: (typeof REPORT_TARGETS)[number], hidden = false) => ({ type, authorIds: ['author'], servingCaisseIds: HERE, hidden });

  it('refuses strangers, other caisses and one’s own content', () => {
    for (const name of ['visitor', 'member', 'moderatorElsewhere'] as const) expect(actionRefusal(ACTORS[name], 'hide', target('comment'))).toBe('FORBIDDEN');
    expect(actionRefusal(ACTORS.staffHere, 'hide', target('comment'))).toBeNull();
    expect(actionRefusal(person('author', [{ role: 'moderator', caisseId: 'caisse-here' }]), 'hide', target('comment'))).toBe('FORBIDDEN');
    expect(actionRefusal(ACTORS.moderatorHere, 'hide', target('comment'))).toBeNull();
    expect(actionRefusal(ACTORS.platformAdmin, 'hide', { ...target('message'), servingCaisseIds: [] })).toBeNull();
    expect(actionRefusal(ACTORS.moderatorHere, 'hide', { ...target('message'), servingCaisseIds: [] })).toBe('FORBIDDEN');
  });

  it('fits each action to its target type and state', () => {
    const fits = (hidden: boolean) => Object.fromEntries(MODERATION_ACTIONS.map((a) => [a, REPORT_TARGETS.filter((t) => actionRefusal(ACTORS.moderatorHere, a, target(t, hidden)) === null)]));
    const content = ['project', 'comment', 'update', 'message', 'board', 'offer', 'organisation'];
    expect(fits(false)).toEqual({ hide: content, restore: [], suspend: ['user'], unsuspend: [], dismiss: [...REPORT_TARGETS] });
    expect(fits(true)).toEqual({ hide: [], restore: content, suspend: [], unsuspend: ['user'], dismiss: [...REPORT_TARGETS] });
    expect(actionRefusal(ACTORS.moderatorHere, 'suspend', target('comment'))).toBe('VALIDATION');
    expect(actionRefusal(ACTORS.moderatorHere, 'hide', target('comment', true))).toBe('STATE');
  });

  it('closes reports and tells the author accordingly', () => {
    expect(MODERATION_ACTIONS.map((a) => [a, reportOutcome(a), notificationKind(a)])).toEqual([
      ['hide', 'actioned', 'moderation.hidden'],
      ['restore', 'dismissed', 'moderation.restored'],
      ['suspend', 'actioned', 'moderation.suspended'],
      ['unsuspend', 'dismissed', 'moderation.restored'],
      ['dismiss', 'dismissed', null],
    ]);
  });
});

describe('reporting and seeing hidden content', () => {
  it('lets signed-in people report what they see and did not write; messages only within their conversation', () => {
    expect(canReport(null, { authorIds: ['author'], visible: true })).toBe(false);
    expect(canReport(ACTORS.member, { authorIds: ['author'], visible: true })).toBe(true);
    expect(canReport(ACTORS.member, { authorIds: ['author'], visible: false })).toBe(false);
    expect(canReport(ACTORS.author, { authorIds: ['author'], visible: true })).toBe(false);
    expect(canReport(ACTORS.member, { authorIds: ['author'], visible: true, participantIds: ['author', 'member'] })).toBe(true);
    expect(canReport(ACTORS.member, { authorIds: ['author'], visible: true, participantIds: ['author', 'someone'] })).toBe(false);
  });

  it('shows hidden content to its authors and the territory’s moderators only', () => {
    const seen = Object.entries(ACTORS).filter(([, a]) => seesHidden(a, { authorIds: ['author'], servingCaisseIds: HERE })).map(([n]) => n);
    expect(seen).toEqual(['author', 'staffHere', 'moderatorHere', 'caisseAdminHere', 'platformAdmin']);
  });

  it('hides a hidden project from everyone but its team and moderators (the project policy agrees)', () => {
    const ctx = (teamRole: 'promoter' | null): ProjectPolicyContext => ({ teamRole, servingCaisses: HERE.map((id) => ({ id, requiresApproval: false })) });
    const hidden = { status: 'published' as const, hiddenAt: new Date() };
    const withEmail = (a: ModerationActor) => (a ? { ...a, emailVerified: true } : null);
    expect(canViewProject(withEmail(ACTORS.member), hidden, ctx(null))).toBe(false);
    expect(canViewProject(null, hidden, ctx(null))).toBe(false);
    expect(canViewProject(withEmail(ACTORS.staffHere), hidden, ctx(null))).toBe(true);
    expect(canViewProject(withEmail(ACTORS.author), hidden, ctx('promoter'))).toBe(true);
    expect(canViewProject(withEmail(ACTORS.moderatorHere), hidden, ctx(null))).toBe(true);
    expect(canViewProject(withEmail(ACTORS.member), { ...hidden, hiddenAt: null }, ctx(null))).toBe(true);
  });
});
