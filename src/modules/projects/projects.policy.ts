import type { Actor } from '../../platform/http/context.js';
import { PROJECT_STATUSES, type ProjectStatus } from './projects.domain.js';
import { canModerate } from '../moderation/moderation.policy.js';
import { actsForTerritory, isPlatformAdmin, isStaffServing } from '../access/access.scope.js';

/** Who is asking, as far as project rules care. `null` is a visitor. */
export type ProjectActor = Pick<Actor, 'id' | 'roles' | 'emailVerified'> | null;
export type TeamRole = 'promoter' | 'member';

/** What the rules need to know about a project besides its status. */
export type ProjectPolicyContext = {
  /** The actor's place in the project's team, if any. */
  teamRole: TeamRole | null;
  /** Caisses serving the project's territory, and whether each approves projects before they go public. */
  servingCaisses: readonly { id: string; requiresApproval: boolean }[];
};
export type PolicyProject = { status: ProjectStatus; hiddenAt?: Date | null };

/** Statuses anyone may see; every other one is visible to the team, the territory's caisse staff and admins only. */
export const PUBLIC_STATUSES = ['published', 'in_progress', 'completed'] as const satisfies readonly ProjectStatus[];

/** Every move the status machine knows, whoever may make it. */
const GRAPH: Record<ProjectStatus, readonly ProjectStatus[]> = {
  draft: ['submitted', 'published', 'archived'],
  submitted: ['published', 'draft', 'archived'],
  published: ['in_progress', 'archived'],
  in_progress: ['completed', 'archived'],
  completed: ['archived'],
  archived: [],
};

export function isPublicStatus(status: ProjectStatus): boolean {
  return (PUBLIC_STATUSES as readonly ProjectStatus[]).includes(status);
}

const servingIds = (ctx: ProjectPolicyContext) => ctx.servingCaisses.map((c) => c.id);

export function approvalRequired(ctx: ProjectPolicyContext): boolean {
  return ctx.servingCaisses.some((c) => c.requiresApproval);
}

export function canCreateProject(actor: ProjectActor): boolean {
  return actor?.emailVerified ?? false;
}

/** Moderators of a caisse serving the project's territory (and platform admins) still see it once hidden. */
function isTerritoryModerator(actor: ProjectActor, ctx: ProjectPolicyContext): boolean {
  return canModerate(actor, servingIds(ctx));
}

/** Its team and the territory's moderators see the project's content hidden by moderation (with the reason). */
export function seesHiddenContent(actor: ProjectActor, ctx: ProjectPolicyContext): boolean {
  return ctx.teamRole !== null || isTerritoryModerator(actor, ctx);
}

/** A project hidden by moderation is seen by its team and the territory's moderators only. */
export function canViewProject(actor: ProjectActor, project: PolicyProject, ctx: ProjectPolicyContext): boolean {
  if (project.hiddenAt && ctx.teamRole === null && !isTerritoryModerator(actor, ctx)) return false;
  return isPublicStatus(project.status) || ctx.teamRole !== null || actsForTerritory(actor, servingIds(ctx));
}

export function canEditProject(actor: ProjectActor, ctx: ProjectPolicyContext): boolean {
  return actor !== null && (ctx.teamRole !== null || isPlatformAdmin(actor));
}

/** Adding and removing team members: the promoter (and admins). */
export function canManageTeam(actor: ProjectActor, ctx: ProjectPolicyContext): boolean {
  return actor !== null && (ctx.teamRole === 'promoter' || isPlatformAdmin(actor));
}

function teamMayMove(from: ProjectStatus, to: ProjectStatus, approval: boolean): boolean {
  if (from === 'draft') return to === (approval ? 'submitted' : 'published');
  if (from === 'published') return to === 'in_progress' || to === 'archived';
  if (from === 'in_progress') return to === 'completed' || to === 'archived';
  return false;
}

function staffMayMove(from: ProjectStatus, to: ProjectStatus): boolean {
  return (from === 'submitted' && (to === 'published' || to === 'draft')) || to === 'archived';
}

/**
 * The one rule of the status machine. The team publishes directly unless a caisse serving the
 * territory approves projects first (then the team submits and that caisse's staff publish or send
 * back); the team moves a live project along; the territory's caisse staff may archive anything;
 * admins may make any move the machine knows.
 */
export function canTransition(actor: ProjectActor, project: PolicyProject, to: ProjectStatus, ctx: ProjectPolicyContext): boolean {
  if (!actor || !GRAPH[project.status].includes(to)) return false;
  if (isPlatformAdmin(actor)) return true;
  if (ctx.teamRole !== null && teamMayMove(project.status, to, approvalRequired(ctx))) return true;
  return isStaffServing(actor, servingIds(ctx)) && staffMayMove(project.status, to);
}

export function allowedTransitions(actor: ProjectActor, project: PolicyProject, ctx: ProjectPolicyContext): ProjectStatus[] {
  return PROJECT_STATUSES.filter((to) => canTransition(actor, project, to, ctx));
}

/** Sending a submitted project back to its team needs a word of explanation. */
export function transitionNeedsNote(from: ProjectStatus, to: ProjectStatus): boolean {
  return from === 'submitted' && to === 'draft';
}

/** What a page may offer this actor on this project (views never re-check roles). */
export function projectAbilities(actor: ProjectActor, project: PolicyProject, ctx: ProjectPolicyContext) {
  const edit = canEditProject(actor, ctx);
  return {
    edit,
    manageTeam: canManageTeam(actor, ctx),
    postUpdate: edit,
    /** Reporting it (or its content) to moderation: anyone signed in outside its team. */
    report: actor !== null && ctx.teamRole === null,
    transitions: allowedTransitions(actor, project, ctx),
  };
}
export type ProjectAbilities = ReturnType<typeof projectAbilities>;
