import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, deadlineBucket, dueDate, incidentIssues, isDay, reminderHorizon, reminderItems, requestIssues, requestTiming } from './privacy-register.rules.js';

describe('due dates and days left', () => {
  it('is due 30 days after it was received, across months and years', () => {
    expect(dueDate('2026-11-20')).toBe('2026-12-20');
    expect(dueDate('2026-12-15')).toBe('2027-01-14');
    expect(dueDate('2028-02-10')).toBe('2028-03-11');
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
  });
  it('counts whole days, negative once past', () => {
    expect(daysBetween('2026-12-05', '2026-12-17')).toBe(12);
    expect(daysBetween('2026-12-05', '2026-12-05')).toBe(0);
    expect(daysBetween('2026-12-05', '2026-12-01')).toBe(-4);
  });
  it('accepts real calendar days only', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('26-02-01')).toBe(false);
  });
  it('shows the days left of an open request, overdue once the date is past', () => {
    const r = { dueOn: '2026-12-17', extendedUntil: null, status: 'received' as const, answeredOn: null };
    expect(requestTiming(r, '2026-12-05')).toEqual({ dueOn: '2026-12-17', open: true, daysLeft: 12, overdue: false, late: false });
    expect(requestTiming(r, '2026-12-17')).toMatchObject({ daysLeft: 0, overdue: false });
    expect(requestTiming(r, '2026-12-18')).toMatchObject({ daysLeft: -1, overdue: true });
  });
  it('counts the extended date once the person was told', () => {
    const r = { dueOn: '2026-12-17', extendedUntil: '2027-01-06', status: 'extended' as const, answeredOn: null };
    expect(requestTiming(r, '2026-12-20')).toMatchObject({ dueOn: '2027-01-06', daysLeft: 17, overdue: false });
  });
  it('stops counting once answered or refused, and says whether the answer was late', () => {
    expect(requestTiming({ dueOn: '2026-12-17', extendedUntil: null, status: 'answered', answeredOn: '2026-12-10' }, '2027-02-01')).toEqual({ dueOn: '2026-12-17', open: false, daysLeft: null, overdue: false, late: false });
    expect(requestTiming({ dueOn: '2026-12-17', extendedUntil: null, status: 'refused', answeredOn: '2026-12-19' }, '2027-02-01')).toMatchObject({ late: true, overdue: false });
  });
});

describe('incident rules', () => {
  const base = { occurredOn: '2026-11-01', discoveredOn: '2026-11-03', seriousRisk: false, measures: '', caiNotifiedOn: null, peopleNotifiedOn: null, status: 'open' as const };
  const today = '2026-12-05';
  it('accepts an open incident with its dates in order', () => {
    expect(incidentIssues(base, today)).toEqual({});
    expect(incidentIssues({ ...base, occurredOn: null }, today)).toEqual({});
  });
  it('refuses dates in the future or out of order', () => {
    expect(incidentIssues({ ...base, discoveredOn: '2026-10-30' }, today)).toEqual({ discoveredOn: { key: 'privacyRegister.validation.discoveredBeforeOccurred' } });
    expect(incidentIssues({ ...base, occurredOn: '2026-12-06', discoveredOn: '2026-12-07' }, today)).toMatchObject({ occurredOn: { key: 'privacyRegister.validation.future' }, discoveredOn: { key: 'privacyRegister.validation.future' } });
    expect(incidentIssues({ ...base, caiNotifiedOn: '2026-11-02' }, today)).toEqual({ caiNotifiedOn: { key: 'privacyRegister.validation.notifiedBeforeDiscovered' } });
  });
  it('closes only with the measures taken and, for a serious risk, both notifications', () => {
    expect(incidentIssues({ ...base, status: 'closed' }, today)).toEqual({ measures: { key: 'privacyRegister.validation.measuresToClose' } });
    expect(incidentIssues({ ...base, status: 'closed', measures: 'Mots de passe changés.', seriousRisk: true }, today)).toEqual({
      caiNotifiedOn: { key: 'privacyRegister.validation.notifyToClose' }, peopleNotifiedOn: { key: 'privacyRegister.validation.notifyToClose' },
    });
    expect(incidentIssues({ ...base, status: 'closed', measures: 'Fait.', seriousRisk: true, caiNotifiedOn: '2026-11-04', peopleNotifiedOn: '2026-11-05' }, today)).toEqual({});
  });
});

describe('request rules', () => {
  const base = { receivedOn: '2026-11-20', status: 'received' as const, answeredOn: null, extendedUntil: null, refusalReason: '' };
  const today = '2026-12-05';
  it('accepts a request received today or before', () => {
    expect(requestIssues(base, today)).toEqual({});
    expect(requestIssues({ ...base, receivedOn: '2026-12-06' }, today)).toEqual({ receivedOn: { key: 'privacyRegister.validation.future' } });
  });
  it('needs the answer date to answer or refuse, and a reason to refuse', () => {
    expect(requestIssues({ ...base, status: 'answered' }, today)).toEqual({ answeredOn: { key: 'privacyRegister.validation.answeredOnRequired' } });
    expect(requestIssues({ ...base, status: 'refused', answeredOn: '2026-12-01' }, today)).toEqual({ refusalReason: { key: 'privacyRegister.validation.refusalReasonRequired' } });
    expect(requestIssues({ ...base, status: 'answered', answeredOn: '2026-11-19' }, today)).toEqual({ answeredOn: { key: 'privacyRegister.validation.answeredBeforeReceived' } });
  });
  it('needs a new date after the 30 days to extend', () => {
    expect(requestIssues({ ...base, status: 'extended' }, today)).toEqual({ extendedUntil: { key: 'privacyRegister.validation.extendedUntilRequired' } });
    expect(requestIssues({ ...base, status: 'extended', extendedUntil: '2026-12-20' }, today)).toEqual({ extendedUntil: { key: 'privacyRegister.validation.extendedAfterDue', params: { date: '2026-12-20' } } });
    expect(requestIssues({ ...base, status: 'extended', extendedUntil: '2026-12-30' }, today)).toEqual({});
  });
});

describe('the deadline summary and the daily reminder', () => {
  const today = '2026-12-28';
  it('puts an open request in one bucket only: overdue, due today, due in 1 to 7 days, or none', () => {
    expect(deadlineBucket('2026-12-27', today)).toBe('overdue');
    expect(deadlineBucket('2026-11-01', today)).toBe('overdue');
    expect(deadlineBucket('2026-12-28', today)).toBe('dueToday');
    expect(deadlineBucket('2026-12-29', today)).toBe('dueSoon');
    expect(deadlineBucket('2027-01-04', today)).toBe('dueSoon');
    expect(deadlineBucket('2027-01-05', today)).toBeNull();
  });
  it('looks seven calendar days ahead, across the new year and a leap day', () => {
    expect(reminderHorizon(today)).toBe('2027-01-04');
    expect(reminderHorizon('2028-02-25')).toBe('2028-03-03');
    expect(reminderHorizon('2026-03-05')).toBe('2026-03-12');
  });
  it('lists the open requests overdue or due within 7 days, soonest first, the extended date counting', () => {
    const open = (id: string, dueOn: string, o: { extendedUntil?: string; status?: 'received' | 'in_progress' | 'extended' | 'answered' | 'refused' } = {}) =>
      ({ id, kind: 'access' as const, dueOn, extendedUntil: o.extendedUntil ?? null, status: o.status ?? 'received' });
    const items = reminderItems([
      open('soon', '2027-01-02', { status: 'in_progress' }),
      open('late', '2026-12-20'),
      open('today', '2026-12-28'),
      open('edge', '2027-01-04'),
      open('beyond', '2027-01-05'),
      open('extendedAway', '2026-12-20', { extendedUntil: '2027-01-19', status: 'extended' }),
      open('extendedSoon', '2026-12-01', { extendedUntil: '2026-12-30', status: 'extended' }),
      open('answered', '2026-12-20', { status: 'answered' }),
      open('refused', '2026-12-28', { status: 'refused' }),
    ], today);
    expect(items).toEqual([
      { id: 'late', kind: 'access', dueOn: '2026-12-20', daysLeft: -8, bucket: 'overdue' },
      { id: 'today', kind: 'access', dueOn: '2026-12-28', daysLeft: 0, bucket: 'dueToday' },
      { id: 'extendedSoon', kind: 'access', dueOn: '2026-12-30', daysLeft: 2, bucket: 'dueSoon' },
      { id: 'soon', kind: 'access', dueOn: '2027-01-02', daysLeft: 5, bucket: 'dueSoon' },
      { id: 'edge', kind: 'access', dueOn: '2027-01-04', daysLeft: 7, bucket: 'dueSoon' },
    ]);
  });
  it('has nothing to remind when every open request is due later', () => {
    expect(reminderItems([{ id: 'a', kind: 'deletion', dueOn: '2027-01-20', extendedUntil: null, status: 'received' }], today)).toEqual([]);
  });
});
