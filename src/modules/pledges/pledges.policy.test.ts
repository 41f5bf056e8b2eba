import { describe, expect, it } from 'vitest';
import { canSeeAllProjectPledges, canViewPledge, isOverdue, lapseCutoff, localToday, pledgeAbilities, pledgeRefusal, transitionVerdict, TRANSITION_TARGETS, type PledgeActor, type PledgeRelation, type PolicyPledge, type TransitionTarget, type Verdict } from './pledges.policy.js';

const CAISSE = 'caisse-du-quartier';
const supporter: PledgeActor = { id: 'u-supporter', roles: [], emailVerified: true };
const teamMember: PledgeActor = { id: 'u-team', roles: [], emailVerified: true };
const other: PledgeActor = { id: 'u-other', roles: [], emailVerified: true };
const staff: PledgeActor = { id: 'u-staff', roles: [{ role: 'staff', caisseId: CAISSE }], emailVerified: true };
const staffElsewhere: PledgeActor = { id: 'u-staff-2', roles: [{ role: 'staff', caisseId: 'ailleurs' }], emailVerified: true };
const admin: PledgeActor = { id: 'u-admin', roles: [{ role: 'admin', caisseId: null }], emailVerified: true };

const ACTORS = { supporter, team: teamMember, other, staff, admin } as const;
const relFor = (actor: PledgeActor): PledgeRelation => ({ isTeam: actor === teamMember, servingCaisseIds: [CAISSE] });

const at = new Date('2026-05-01T12:00:00Z');
const pledge = (status: PolicyPledge['status'], confirmed: { team?: boolean; supporter?: boolean } = {}): PolicyPledge => ({
  supporterId: supporter.id, status, promoterConfirmedAt: confirmed.team ? at : null, supporterConfirmedAt: confirmed.supporter ? at : null,
});

const V: Record<string, Verdict> = { A: 'allowed', N: 'not_allowed', F: 'forbidden' };
/** Expected verdicts for accepted / declined / withdrawn / fulfilled, per actor. */
const MATRIX: [string, PolicyPledge, Record<keyof typeof ACTORS, string>][] = [
  ['proposed', pledge('proposed'), { supporter: 'FFAN', team: 'AAFN', other: 'FFFF', staff: 'FFFF', admin: 'FFFF' }],
  ['accepted, nobody confirmed', pledge('accepted'), { supporter: 'FFAA', team: 'NNFA', other: 'FFFF', staff: 'FFFF', admin: 'FFFF' }],
  ['accepted, team confirmed', pledge('accepted', { team: true }), { supporter: 'FFAA', team: 'NNFN', other: 'FFFF', staff: 'FFFF', admin: 'FFFF' }],
  ['accepted, supporter confirmed', pledge('accepted', { supporter: true }), { supporter: 'FFNN', team: 'NNFA', other: 'FFFF', staff: 'FFFF', admin: 'FFFF' }],
  ['fulfilled', pledge('fulfilled', { team: true, supporter: true }), { supporter: 'FFNN', team: 'NNFN', other: 'FFFF', staff: 'FFFF', admin: 'FFFF' }],
  ['declined', pledge('declined'), { supporter: 'FFNN', team: 'NNFN', other: 'FFFF', staff: 'FFFF', admin: 'FFFF' }],
  ['withdrawn', pledge('withdrawn'), { supporter: 'FFNN', team: 'NNFN', other: 'FFFF', staff: 'FFFF', admin: 'FFFF' }],
  ['lapsed', pledge('lapsed'), { supporter: 'FFNN', team: 'NNFN', other: 'FFFF', staff: 'FFFF', admin: 'FFFF' }],
];

describe('pledge transitions: status × actor × target', () => {
  for (const [label, p, expected] of MATRIX) {
    for (const [name, actor] of Object.entries(ACTORS) as [keyof typeof ACTORS, PledgeActor][]) {
      it(`${label}: ${name} → ${expected[name]}`, () => {
        const got = TRANSITION_TARGETS.map((to: TransitionTarget) => transitionVerdict(actor, p, relFor(actor), to));
        expect(got).toEqual([...expected[name]].map((c) => V[c]));
      });
    }
  }

  it('refuses every move to a visitor', () => {
    for (const to of TRANSITION_TARGETS) expect(transitionVerdict(null, pledge('proposed'), { isTeam: false, servingCaisseIds: [CAISSE] }, to)).toBe('forbidden');
  });

  it('no longer recognises the supporter of a deleted account', () => {
    const orphan = { ...pledge('accepted'), supporterId: null };
    expect(transitionVerdict(supporter, orphan, relFor(supporter), 'withdrawn')).toBe('forbidden');
  });
});

describe('who sees a pledge', () => {
  it('shows it to the supporter, the team, the territory’s caisse staff and admins only', () => {
    const p = pledge('proposed');
    expect(canViewPledge(supporter, p, relFor(supporter))).toBe(true);
    expect(canViewPledge(teamMember, p, relFor(teamMember))).toBe(true);
    expect(canViewPledge(staff, p, relFor(staff))).toBe(true);
    expect(canViewPledge(admin, p, relFor(admin))).toBe(true);
    expect(canViewPledge(other, p, relFor(other))).toBe(false);
    expect(canViewPledge(staffElsewhere, p, relFor(staffElsewhere))).toBe(false);
    expect(canViewPledge(null, p, relFor(null))).toBe(false);
  });

  it('lists every pledge of a project to its team, staff and admins, not to a supporter', () => {
    expect(canSeeAllProjectPledges(teamMember, relFor(teamMember))).toBe(true);
    expect(canSeeAllProjectPledges(staff, relFor(staff))).toBe(true);
    expect(canSeeAllProjectPledges(supporter, relFor(supporter))).toBe(false);
  });

  it('tells each side what it waits for', () => {
    expect(pledgeAbilities(teamMember, pledge('accepted', { team: true }), relFor(teamMember))).toMatchObject({ confirmFulfilled: false, waitingFor: 'supporter' });
    expect(pledgeAbilities(supporter, pledge('accepted', { team: true }), relFor(supporter))).toMatchObject({ confirmFulfilled: true, withdraw: true, waitingFor: 'supporter' });
  });
});

describe('who may pledge', () => {
  const open = { projectStatus: 'published' as const, needClosed: false, isTeam: false };
  it('lets a verified person pledge to an open need of a live project', () => {
    expect(pledgeRefusal(supporter, open)).toBeNull();
    expect(pledgeRefusal(supporter, { ...open, projectStatus: 'in_progress' })).toBeNull();
  });
  it('says why not otherwise', () => {
    expect(pledgeRefusal(null, open)).toBe('UNAUTHENTICATED');
    expect(pledgeRefusal({ id: 'u-unverified', roles: [], emailVerified: false }, open)).toBe('EMAIL_NOT_VERIFIED');
    expect(pledgeRefusal(supporter, { ...open, needClosed: true })).toBe('NEED_CLOSED');
    expect(pledgeRefusal(supporter, { ...open, projectStatus: 'completed' })).toBe('NEED_CLOSED');
    expect(pledgeRefusal(teamMember, { ...open, isTeam: true })).toBe('PLEDGE_OWN_PROJECT');
  });
});

describe('lapsing', () => {
  it('lapses a pledge more than 14 days after its end date, else its start date', () => {
    expect(lapseCutoff('2026-05-20')).toBe('2026-05-06');
    expect(isOverdue({ status: 'proposed', startDate: '2026-05-05', endDate: null }, '2026-05-20')).toBe(true);
    expect(isOverdue({ status: 'proposed', startDate: '2026-05-06', endDate: null }, '2026-05-20')).toBe(false);
    expect(isOverdue({ status: 'accepted', startDate: '2026-04-01', endDate: '2026-05-10' }, '2026-05-20')).toBe(false);
    expect(isOverdue({ status: 'fulfilled', startDate: '2026-01-01', endDate: null }, '2026-05-20')).toBe(false);
  });
  it('counts days in Montréal', () => {
    expect(localToday(new Date('2026-05-02T03:00:00Z'))).toBe('2026-05-01');
  });
});
