import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { usersRepository, type UserRow } from '../auth/users.repository.js';
import { HANDLE_LOOKUP } from '../auth/handles.js';
import { territoriesRepository } from '../territories/territories.repository.js';
import { territoryName } from '../territories/territories.presenter.js';
import { narrowViewer, viewerKind, type ViewerKind } from './people.policy.js';
import { presentPersonAs, type PersonSource, type PersonView } from './people.presenter.js';
import { followState } from '../social/follows.service.js';
import type { FollowState } from '../social/follows.presenter.js';
import { personActivity, type PersonActivity } from './people.activity.js';
import { delegateBadges } from '../delegates/delegates.service.js';


export type PersonPage = {
  person: PersonView;
  /** The kind of viewer the page was built for (after any preview narrowing). */
  kind: ViewerKind;
  isOwner: boolean;
  indexable: boolean;
  /** The person's own language, a hint for the `lang` of what they wrote. */
  contentLang: Locale;
  /** Whether the viewer follows this person, and how many people do (absent on one's own page). */
  follow?: FollowState;
  /** Their projects, offers, boards and fulfilled help, as this viewer may see them. */
  activity: PersonActivity;
  /** Public roles worn on the page: delegate of a caisse for the current term. */
  badges: { kind: 'delegate'; caisse: { slug: string; name: string } }[];
};

async function toSource(deps: Deps, user: UserRow, locale: Locale): Promise<PersonSource> {
  const territory = user.territoryId ? await territoriesRepository.findById(deps.db, user.territoryId) : undefined;
  return { ...user, territory: territory ? { slug: territory.slug, name: territoryName(territory, locale) } : null };
}

/** A personal page for a viewer. Unknown, suspended and deleted people are all "not found". */
export async function getPerson(deps: Deps, viewer: { id: string } | null, handle: string, locale: Locale, preview?: ViewerKind): Promise<PersonPage> {
  const wanted = handle.toLowerCase();
  if (!HANDLE_LOOKUP.test(wanted)) throw new AppError('PERSON_NOT_FOUND');
  const user = await usersRepository.findByHandle(deps.db, wanted);
  if (!user || user.deletedAt || user.suspendedAt) throw new AppError('PERSON_NOT_FOUND');
  const actual = viewerKind(user.id, viewer);
  const kind = narrowViewer(actual, preview);
  const person = presentPersonAs(await toSource(deps, user, locale), kind);
  const [follow, activity, delegateOf] = await Promise.all([actual === 'owner' ? undefined : followState(deps, viewer, 'user', user.id), personActivity(deps, user.id, kind), delegateBadges(deps, user.id)]);
  const badges = delegateOf.map((caisse) => ({ kind: 'delegate' as const, caisse }));
  return { person, kind, isOwner: actual === 'owner', indexable: user.indexable, contentLang: user.locale, activity, badges, ...(follow ? { follow } : {}) };
}
