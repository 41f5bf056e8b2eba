import { describe, expect, it } from 'vitest';
import { acceptsWaitlist, isOpenForSignup, territoryAbilities } from './territories.policy.js';

describe('territory rollout rules', () => {
  it('opens sign-up only in pilot or open neighbourhoods', () => {
    expect(isOpenForSignup({ kind: 'neighbourhood', rolloutState: 'pilot' })).toBe(true);
    expect(isOpenForSignup({ kind: 'neighbourhood', rolloutState: 'open' })).toBe(true);
    expect(isOpenForSignup({ kind: 'neighbourhood', rolloutState: 'waitlist' })).toBe(false);
    expect(isOpenForSignup({ kind: 'neighbourhood', rolloutState: 'planned' })).toBe(false);
    expect(isOpenForSignup({ kind: 'borough', rolloutState: 'pilot' })).toBe(false);
    expect(isOpenForSignup({ kind: 'metropolis', rolloutState: 'open' })).toBe(false);
  });

  it('takes waitlist names only before a territory opens', () => {
    expect(acceptsWaitlist({ rolloutState: 'waitlist' })).toBe(true);
    expect(acceptsWaitlist({ rolloutState: 'planned' })).toBe(true);
    expect(acceptsWaitlist({ rolloutState: 'pilot' })).toBe(false);
    expect(acceptsWaitlist({ rolloutState: 'open' })).toBe(false);
  });

  it('offers a visitor to sign up in a pilot neighbourhood, and a signed-in person their page', () => {
    const pilot = { kind: 'neighbourhood', rolloutState: 'pilot' } as const;
    expect(territoryAbilities(pilot, false, false)).toEqual({ signUp: true, goToMyPage: false, chooseChild: false, joinWaitlist: false });
    expect(territoryAbilities(pilot, true, false)).toEqual({ signUp: false, goToMyPage: true, chooseChild: false, joinWaitlist: false });
  });

  it('points to the neighbourhoods of an open borough, and to the waitlist of one not open yet', () => {
    expect(territoryAbilities({ kind: 'borough', rolloutState: 'pilot' }, false, true)).toEqual({ signUp: false, goToMyPage: false, chooseChild: true, joinWaitlist: false });
    expect(territoryAbilities({ kind: 'borough', rolloutState: 'waitlist' }, false, true)).toEqual({ signUp: false, goToMyPage: false, chooseChild: false, joinWaitlist: true });
  });
});
