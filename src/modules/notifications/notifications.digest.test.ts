import { describe, expect, it } from 'vitest';
import { digestPeriod, localParts } from './notifications.digest.service.js';
import { unsubscribeToken, verifyUnsubscribeToken } from './notifications.mail.render.js';

describe('digest periods (America/Montreal)', () => {
  it('uses the local day, not the UTC one', () => {
    // 02:30 UTC on 1 Dec is still 30 Nov, 21:30 in Montréal.
    expect(digestPeriod('daily', new Date('2026-12-01T02:30:00Z'))).toBe('daily:2026-11-30');
    expect(localParts(new Date('2026-12-01T02:30:00Z')).hour).toBe(21);
    expect(localParts(new Date('2026-07-01T12:00:00Z')).hour).toBe(8); // summer time (UTC-4)
  });
  it('uses ISO weeks, including the ones that straddle a new year', () => {
    expect(digestPeriod('weekly', new Date('2026-11-30T15:00:00Z'))).toBe('weekly:2026-W49'); // Monday
    expect(digestPeriod('weekly', new Date('2026-11-29T15:00:00Z'))).toBe('weekly:2026-W48'); // Sunday
    expect(digestPeriod('weekly', new Date('2027-01-01T15:00:00Z'))).toBe('weekly:2026-W53');
    expect(digestPeriod('weekly', new Date('2025-12-29T15:00:00Z'))).toBe('weekly:2026-W01');
  });
});

describe('unsubscribe tokens', () => {
  const secret = 'test-secret-0123456789-0123456789-abcdef';
  it('round-trips a scope and rejects tampering, other secrets and unknown kinds', () => {
    const token = unsubscribeToken(secret, { userId: 'u1', what: 'comment.new' });
    expect(verifyUnsubscribeToken(secret, token)).toEqual({ userId: 'u1', what: 'comment.new' });
    expect(verifyUnsubscribeToken('another-secret-0123456789-0123456789', token)).toBeNull();
    const [payload, sig] = token.split('.');
    const other = Buffer.from(JSON.stringify({ u: 'u2', w: 'comment.new' })).toString('base64url');
    expect(verifyUnsubscribeToken(secret, `${other}.${sig}`)).toBeNull();
    expect(verifyUnsubscribeToken(secret, `${payload}.${sig}.x`)).toBeNull();
    expect(verifyUnsubscribeToken(secret, undefined)).toBeNull();
    const weird = Buffer.from(JSON.stringify({ u: 'u1', w: 'admin.everything' })).toString('base64url');
    expect(verifyUnsubscribeToken(secret, `${weird}.${unsubscribeToken(secret, { userId: 'u1', what: 'digest' }).split('.')[1]}`)).toBeNull();
  });
});
