import { describe, expect, it } from 'vitest';
import type { ProjectStatus } from './projects.domain.js';
import { allowedTransitions, canEditProject, canManageTeam, canTransition, canViewProject, type ProjectActor, type ProjectPolicyContext, type TeamRole } from './projects.policy.js';

const person = (id: string, roles: { role: 'staff' | 'moderator' | 'admin'; caisseId: string | null }[] = []): ProjectActor => ({ id, roles, emailVerified: true });
const serving = (requiresApproval: boolean) => [{ id: 'caisse-here', requiresApproval }, { id: 'caisse-also-here', requiresApproval: false }];

type Case = { actor: ProjectActor; teamRole: TeamRole | null };
const ROLES: Record<string, Case> = {
  visitor: { actor: null, teamRole: null },
  stranger: { actor: person('stranger'), teamRole: null },
  promoter: { actor: person('promoter'), teamRole: 'promoter' },
  teamMember: { actor: person('member'), teamRole: 'member' },
  territoryStaff: { actor: person('staff', [{ role: 'staff', caisseId: 'caisse-here' }]), teamRole: null },
  otherCaisseStaff: { actor: person('other', [{ role: 'staff', caisseId: 'caisse-elsewhere' }]), teamRole: null },
  territoryModerator: { actor: person('mod', [{ role: 'moderator', caisseId: 'caisse-here' }]), teamRole: null },
  admin: { actor: person('admin', [{ role: 'admin', caisseId: null }]), teamRole: null },
};

const NOTHING: Record<ProjectStatus, ProjectStatus[]> = { draft: [], submitted: [], published: [], in_progress: [], completed: [], archived: [] };
const TEAM_LIVE = { published: ['in_progress', 'archived'], in_progress: ['completed', 'archived'] } satisfies Partial<Record<ProjectStatus, ProjectStatus[]>>;
const STAFF: Record<ProjectStatus, ProjectStatus[]> = { draft: ['archived'], submitted: ['published', 'draft', 'archived'], published: ['archived'], in_progress: ['archived'], completed: ['archived'], archived: [] };
const ADMIN: Record<ProjectStatus, ProjectStatus[]> = { draft: ['submitted', 'published', 'archived'], submitted: ['draft', 'published', 'archived'], published: ['in_progress', 'archived'], in_progress: ['completed', 'archived'], completed: ['archived'], archived: [] };

/** Expected moves per role, without and with a caisse that approves projects first. */
const EXPECTED: Record<string, { free: Record<ProjectStatus, ProjectStatus[]>; approval: Record<ProjectStatus, ProjectStatus[]> }> = {
  visitor: { free: NOTHING, approval: NOTHING },
  stranger: { free: NOTHING, approval: NOTHING },
  promoter: { free: { ...NOTHING, ...TEAM_LIVE, draft: ['published'] }, approval: { ...NOTHING, ...TEAM_LIVE, draft: ['submitted'] } },
  teamMember: { free: { ...NOTHING, ...TEAM_LIVE, draft: ['published'] }, approval: { ...NOTHING, ...TEAM_LIVE, draft: ['submitted'] } },
  territoryStaff: { free: STAFF, approval: STAFF },
  otherCaisseStaff: { free: NOTHING, approval: NOTHING },
  territoryModerator: { free: NOTHING, approval: NOTHING },
  admin: { free: ADMIN, approval: ADMIN },
};

const sorted = (xs: ProjectStatus[]) => [...xs].sort();

describe('canTransition — every move, per role', () => {
  for (const [name, c] of Object.entries(ROLES)) {
    for (const mode of ['free', 'approval'] as const) {
      it(`${name} ${mode === 'free' ? 'without' : 'with'} approval required`, () => {
        const ctx: ProjectPolicyContext = { teamRole: c.teamRole, servingCaisses: serving(mode === 'approval') };
        for (const from of Object.keys(NOTHING) as ProjectStatus[]) {
          expect(sorted(allowedTransitions(c.actor, { status: from }, ctx)), `${name}: from ${from}`).toEqual(sorted(EXPECTED[name]![mode][from]));
        }
      });
    }
  }

  it('never allows staying in place', () => {
    const ctx: ProjectPolicyContext = { teamRole: 'promoter', servingCaisses: [] };
    expect(canTransition(ROLES.admin!.actor, { status: 'published' }, 'published', ctx)).toBe(false);
  });

  it('lets a promoter publish directly when no caisse serves the territory', () => {
    expect(canTransition(ROLES.promoter!.actor, { status: 'draft' }, 'published', { teamRole: 'promoter', servingCaisses: [] })).toBe(true);
  });
});

describe('seeing, editing, managing the team', () => {
  const ctxOf = (c: Case): ProjectPolicyContext => ({ teamRole: c.teamRole, servingCaisses: serving(false) });
  it('hides drafts and submitted projects from everyone but the team, the territory staff and admins', () => {
    const seeing = (status: ProjectStatus) => Object.entries(ROLES).filter(([, c]) => canViewProject(c.actor, { status }, ctxOf(c))).map(([n]) => n).sort();
    expect(seeing('draft')).toEqual(['admin', 'promoter', 'teamMember', 'territoryStaff']);
    expect(seeing('submitted')).toEqual(['admin', 'promoter', 'teamMember', 'territoryStaff']);
    expect(seeing('archived')).toEqual(['admin', 'promoter', 'teamMember', 'territoryStaff']);
    expect(seeing('published')).toHaveLength(Object.keys(ROLES).length);
  });
  it('lets the team and admins edit, and only the promoter and admins manage the team', () => {
    const editing = Object.entries(ROLES).filter(([, c]) => canEditProject(c.actor, ctxOf(c))).map(([n]) => n).sort();
    const managing = Object.entries(ROLES).filter(([, c]) => canManageTeam(c.actor, ctxOf(c))).map(([n]) => n).sort();
    expect(editing).toEqual(['admin', 'promoter', 'teamMember']);
    expect(managing).toEqual(['admin', 'promoter']);
  });
});
