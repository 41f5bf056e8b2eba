import { isPlatformAdmin } from '../access/access.scope.js';
import type { RolloutState, TerritoryKind } from './territories.domain.js';

type Rollout = { kind: TerritoryKind; rolloutState: RolloutState };

/** People sign up in a neighbourhood once it is in pilot or open. */
export function isOpenForSignup(territory: Rollout): boolean {
  return territory.kind === 'neighbourhood' && (territory.rolloutState === 'pilot' || territory.rolloutState === 'open');
}

/** The waitlist is for territories that are not open yet. */
export function acceptsWaitlist(territory: Pick<Rollout, 'rolloutState'>): boolean {
  return territory.rolloutState === 'waitlist' || territory.rolloutState === 'planned';
}

export type TerritoryAbilities = { signUp: boolean; goToMyPage: boolean; chooseChild: boolean; joinWaitlist: boolean };

/** What a territory's page offers: sign up, go to one's page, pick a neighbourhood, or join the waitlist. */
export function territoryAbilities(territory: Rollout, signedIn: boolean, hasChildren: boolean): TerritoryAbilities {
  const openHere = isOpenForSignup(territory);
  const rolledOut = territory.rolloutState === 'pilot' || territory.rolloutState === 'open';
  return {
    signUp: openHere && !signedIn,
    goToMyPage: openHere && signedIn,
    chooseChild: rolledOut && !openHere && hasChildren,
    joinWaitlist: acceptsWaitlist(territory),
  };
}

/** Only platform admins change a territory's rollout state or its boundary. */
export function canChangeRollout(actor: Parameters<typeof isPlatformAdmin>[0]): boolean {
  return isPlatformAdmin(actor);
}

