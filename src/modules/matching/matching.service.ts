import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { viewableProject } from '../projects/projects.access.js';
import { matchingRepository, type CandidateRow, type NeedContext, type NeedNearRow } from './matching.repository.js';
import { MATCH_LIMIT, mergeCandidates, WEIGHTS, type MatchCandidate, type TerritoryName } from './matching.score.js';
import type { NeedKind } from '../needs/needs.domain.js';

export type NeedMatches = { need: Pick<NeedContext, 'id' | 'title' | 'kind' | 'projectId' | 'projectTitle'>; candidates: MatchCandidate[] };

/** A person's need near them: what it asks, where, and why it was suggested. */
export type NeedNearYou = {
  id: string;
  kind: NeedKind;
  title: string;
  deadline: string | null;
  project: { id: string; title: string };
  score: number;
  reason: { kind: 'need'; skills: string[]; territory: TerritoryName | null };
};

function toCandidate(row: CandidateRow, type: 'offer' | 'person', need: NeedContext): MatchCandidate {
  const territory = row.same_territory ? need.territory : null;
  const skills = row.shared.slice(0, WEIGHTS.maxSkills);
  return {
    type,
    id: row.id,
    score: row.score,
    recency: row.recency,
    person: { handle: row.handle, displayName: row.display_name },
    offer: type === 'offer' ? { id: row.id, title: row.title ?? '', kind: row.kind ?? need.kind } : null,
    organisation: row.org_slug ? { slug: row.org_slug, name: row.org_name ?? '', partner: row.partner } : null,
    reason: type === 'offer' ? { kind: 'offer', offerKind: row.kind ?? need.kind, skills, territory, partner: row.partner } : { kind: 'person', skills, territory },
  };
}

/** The need's context if this viewer may see its project; anything else is NEED_NOT_FOUND. */
async function visibleNeed(deps: Deps, needId: string, viewer: Actor | null): Promise<NeedContext> {
  const need = await matchingRepository.needContext(deps.db, needId);
  if (!need) throw new AppError('NEED_NOT_FOUND');
  try {
    await viewableProject(deps, viewer, need.projectId);
  } catch (err) {
    if (err instanceof AppError && err.code === 'PROJECT_NOT_FOUND') throw new AppError('NEED_NOT_FOUND');
    throw err;
  }
  return need;
}

/**
 * Who could help with a need: active offers and people whose kind, skills and neighbourhood match,
 * ranked (docs/adr/0007-matching.md). The project's own team, suspended or deleted accounts, paused
 * offers and people whose skills this viewer may not see never appear.
 */
export async function matchesForNeed(deps: Deps, needId: string, viewer: Actor | null): Promise<NeedMatches> {
  const need = await visibleNeed(deps, needId, viewer);
  const signedIn = viewer !== null;
  const [offers, people] = await Promise.all([
    matchingRepository.offerCandidates(deps.db, need, signedIn, MATCH_LIMIT),
    matchingRepository.personCandidates(deps.db, need, signedIn, MATCH_LIMIT * 2),
  ]);
  const candidates = mergeCandidates(offers.map((r) => toCandidate(r, 'offer', need)), people.map((r) => toCandidate(r, 'person', need)));
  return { need: { id: need.id, title: need.title, kind: need.kind, projectId: need.projectId, projectTitle: need.projectTitle }, candidates };
}

function toNeedNear(row: NeedNearRow): NeedNearYou {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    deadline: row.deadline,
    project: { id: row.project_id, title: row.project_title },
    score: row.score,
    reason: { kind: 'need', skills: row.shared.slice(0, WEIGHTS.maxSkills), territory: row.same_territory ? { slug: row.territory_slug, nameFr: row.territory_fr, nameEn: row.territory_en } : null },
  };
}

/** "Needs near you that match your skills": open, unmet needs of public projects, best first. */
export async function needsMatchingPerson(deps: Pick<Deps, 'db'>, userId: string, limit = 6): Promise<NeedNearYou[]> {
  return (await matchingRepository.needsForPerson(deps.db, userId, limit)).map(toNeedNear);
}
