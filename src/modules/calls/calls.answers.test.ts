import { describe, expect, it } from 'vitest';
import { checkAnswers, type AnswerQuestion } from './calls.answers.js';
import { checkCallShape, checkPublishedEdit } from './calls.rules.js';
import { eligibilityProblem } from './calls.policy.js';

const q = (id: string, kind: AnswerQuestion['kind'], o: Partial<AnswerQuestion> = {}): AnswerQuestion => ({ id, kind, required: true, choices: [], maxLength: null, ...o });
const questions = [q('story', 'long_text', { maxLength: 20 }), q('people', 'number'), q('size', 'choice', { choices: ['Petit', 'Grand'], required: false }), q('photo', 'file', { required: false })];

describe('application answers', () => {
  it('keep valid answers, convert numbers and drop unknown questions and blanks', () => {
    expect(checkAnswers(questions, { story: ' Des bacs ', people: '1 234,5', size: 'Grand', photo: '', other: 'x' }, true)).toEqual({ answers: { story: 'Des bacs', people: 1234.5, size: 'Grand' }, errors: {} });
  });

  it('say what is wrong with each answer, and require the required ones only on submit', () => {
    const { errors } = checkAnswers(questions, { story: 'x'.repeat(21), people: 'beaucoup', size: 'Moyen', photo: '../etc/passwd' }, true);
    expect(errors).toEqual({
      'answers.story': { key: 'validation.tooLong', params: { count: 20 } },
      'answers.people': { key: 'calls.validation.number' },
      'answers.size': { key: 'validation.choice' },
    });
    expect(checkAnswers(questions, {}, false).errors).toEqual({});
    expect(Object.keys(checkAnswers(questions, {}, true).errors)).toEqual(['answers.story', 'answers.people']);
  });

  it('answer a file question by an uploaded document only, required on submit when it has none', () => {
    const withDoc = [q('plan', 'file')];
    expect(checkAnswers(withDoc, { plan: 'abcdefghijklmnopqrstuvwx.webp' }, false)).toEqual({ answers: {}, errors: {} });
    expect(checkAnswers(withDoc, {}, true).errors).toEqual({ 'answers.plan': { key: 'validation.required' } });
    expect(checkAnswers(withDoc, {}, true, new Set(['plan'])).errors).toEqual({});
  });
});

const d = (day: number) => new Date(Date.UTC(2027, 0, day));
const shape = { budgetCents: 100, maxPerProjectCents: 50, opensAt: d(1), submissionsCloseAt: d(10), reviewEndsAt: d(20), voteOpensAt: null, voteClosesAt: null, resultsAt: d(25), votesPerMember: null, juryWeightPercent: 100 };

describe('call settings', () => {
  it('need dates in order, both vote dates, and a maximum within the envelope', () => {
    expect(checkCallShape(shape)).toEqual({});
    expect(Object.keys(checkCallShape({ ...shape, maxPerProjectCents: 101, submissionsCloseAt: d(1) }))).toEqual(['maxPerProjectCents', 'submissionsCloseAt']);
    expect(checkCallShape({ ...shape, voteOpensAt: d(21) })).toMatchObject({ voteClosesAt: { key: 'calls.validation.voteBoth' }, votesPerMember: { key: 'validation.required' } });
    expect(checkCallShape({ ...shape, voteOpensAt: d(21), voteClosesAt: d(26), votesPerMember: 3 })).toEqual({ resultsAt: { key: 'calls.validation.afterVote' } });
  });

  it('once published, change only the description and move upcoming dates later', () => {
    expect(checkPublishedEdit('open', shape, { description: 'x', submissionsCloseAt: d(12) })).toEqual({});
    expect(checkPublishedEdit('open', shape, { title: 'x', submissionsCloseAt: d(9), opensAt: d(2) })).toEqual({
      title: { key: 'calls.validation.locked' }, submissionsCloseAt: { key: 'calls.validation.onlyLater' }, opensAt: { key: 'calls.validation.locked' },
    });
  });
});

describe('eligibility', () => {
  const base = { call: { membersOnly: false, allowedOrganisationKinds: [] as string[] }, callTerritoryIds: ['t1'], caisseTerritoryIds: ['t1', 't2'], project: { territoryId: 't1', public: true, organisationKind: null as string | null }, applicant: { emailVerified: true, territoryId: 't2' } };
  it('names the first reason a project may not apply', () => {
    expect(eligibilityProblem(base)).toBeNull();
    expect(eligibilityProblem({ ...base, project: { ...base.project, public: false } })).toBe('project');
    expect(eligibilityProblem({ ...base, project: { ...base.project, territoryId: 't2' } })).toBe('territory');
    expect(eligibilityProblem({ ...base, call: { ...base.call, membersOnly: true }, applicant: { emailVerified: false, territoryId: 't1' } })).toBe('members');
    expect(eligibilityProblem({ ...base, call: { ...base.call, membersOnly: true }, applicant: { emailVerified: true, territoryId: 't9' } })).toBe('members');
    expect(eligibilityProblem({ ...base, call: { ...base.call, allowedOrganisationKinds: ['community'] }, project: { ...base.project, organisationKind: 'business' } })).toBe('organisation');
    // A project carried by a person is not held to organisation kinds.
    expect(eligibilityProblem({ ...base, call: { ...base.call, allowedOrganisationKinds: ['community'] } })).toBeNull();
  });
});
