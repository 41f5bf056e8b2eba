import { actsForCaisse, type ScopeActor } from '../access/access.scope.js';
import type { ApplicationStatus, CallPhase } from './calls.domain.js';

/** What the rules read of a call. */
export type PolicyCall = { caisseId: string; phase: CallPhase; publishedAt: Date | null; membersOnly: boolean; allowedOrganisationKinds: readonly string[] };

/** Creating, editing and moving a call, and reading its applications: staff of its caisse or a platform admin. */
export function canManageCall(actor: ScopeActor, call: Pick<PolicyCall, 'caisseId'>): boolean {
  return actsForCaisse(actor, call.caisseId);
}

/** A draft nobody published is seen by those who manage it only; everything else is public. */
export function canViewCall(actor: ScopeActor, call: Pick<PolicyCall, 'caisseId' | 'phase' | 'publishedAt'>): boolean {
  return call.phase !== 'draft' || call.publishedAt !== null || canManageCall(actor, call);
}

/** Everything is editable in a draft nobody published; afterwards only the description and later dates. */
export function editableFully(call: Pick<PolicyCall, 'phase' | 'publishedAt'>): boolean {
  return call.phase === 'draft' && call.publishedAt === null;
}

export type EligibilityInput = {
  call: Pick<PolicyCall, 'membersOnly' | 'allowedOrganisationKinds'>;
  callTerritoryIds: readonly string[];
  /** Territories the call's caisse serves (a member lives in one of them). */
  caisseTerritoryIds: readonly string[];
  project: { territoryId: string; public: boolean; organisationKind: string | null };
  applicant: { emailVerified: boolean; territoryId: string | null };
};
export type EligibilityProblem = 'project' | 'territory' | 'members' | 'organisation';

/**
 * Why this project may not apply, or null. Members only: a verified account living in a territory
 * the caisse serves. Organisation kinds apply to projects carried by an organisation only; a
 * project carried by a person is eligible whatever the kinds (ADR 0020).
 */
export function eligibilityProblem(e: EligibilityInput): EligibilityProblem | null {
  if (!e.project.public) return 'project';
  if (!e.callTerritoryIds.includes(e.project.territoryId)) return 'territory';
  if (e.call.membersOnly && !(e.applicant.emailVerified && e.applicant.territoryId !== null && e.caisseTerritoryIds.includes(e.applicant.territoryId))) return 'members';
  if (e.project.organisationKind !== null && e.call.allowedOrganisationKinds.length > 0 && !e.call.allowedOrganisationKinds.includes(e.project.organisationKind)) return 'organisation';
  return null;
}

/** What the file rule reads of the person asking, beyond their roles: their place on the project and on the call's jury. */
export type FileReaderFacts = { promoter: boolean; juror: boolean; conflicted: boolean };
const REVIEWED: readonly ApplicationStatus[] = ['submitted', 'selected', 'not_selected'];

/**
 * Who may download an application's files (ADR 0024): the project's promoters, the call's caisse
 * staff and platform admins, and the call's jurors once the application is under review, unless they
 * declared a conflict of interest with it. Nobody else, signed in or not.
 */
export function canReadApplicationFile(actor: ScopeActor, call: Pick<PolicyCall, 'caisseId'>, application: { status: ApplicationStatus }, facts: FileReaderFacts): boolean {
  if (!actor) return false;
  if (facts.promoter || canManageCall(actor, call)) return true;
  return facts.juror && !facts.conflicted && REVIEWED.includes(application.status);
}

/**
 * Whether a promoter may take a file answer back (without replacing it): not while the application
 * is submitted and the question is required, since a submitted application must stay complete
 * (they replace the file instead, or withdraw first). Phase and promoter are checked by the caller.
 */
export function canRemoveFileAnswer(question: { required: boolean }, status: ApplicationStatus): boolean {
  return !(question.required && status === 'submitted');
}
