import { describe, expect, it } from 'vitest';
import { canKeepPrivacyRegister } from './privacy-register.policy.js';

const person = (roles: { role: string; caisseId: string | null }[] = []) => ({ id: 'u', roles: roles.map((r) => ({ ...r, expiresAt: null })) }) as never;

describe('who keeps the privacy register', () => {
  it('is platform admins only', () => {
    expect(canKeepPrivacyRegister(person([{ role: 'admin', caisseId: null }]))).toBe(true);
  });
  it('is nobody else: visitors, citizens, staff, moderators, delegates, caisse admins', () => {
    expect(canKeepPrivacyRegister(null)).toBe(false);
    expect(canKeepPrivacyRegister(person())).toBe(false);
    for (const role of ['staff', 'moderator', 'delegate', 'admin']) expect(canKeepPrivacyRegister(person([{ role, caisseId: 'A' }]))).toBe(false);
  });
});
