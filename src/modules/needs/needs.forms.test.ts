import { describe, expect, it } from 'vitest';
import { needFormToBody, parseDecimal } from './needs.forms.js';

describe('parseDecimal', () => {
  it('reads French and English ways of writing amounts', () => {
    expect(parseDecimal('2 000,50')).toBe(2000.5);
    expect(parseDecimal('2\u00a0000 $')).toBe(2000);
    expect(parseDecimal('45.5')).toBe(45.5);
    expect(parseDecimal('')).toBe('');
    expect(parseDecimal('beaucoup')).toBe('beaucoup');
  });
});

describe('needFormToBody', () => {
  it('turns dollars into cents and percent into basis points for money kinds', () => {
    expect(needFormToBody({ kind: 'loan', title: 'Prêt', quantity: '2 000', loanTermMonths: '12', loanRateBps: '3,5' })).toEqual({ kind: 'loan', title: 'Prêt', quantity: 200_000, loanTermMonths: 12, loanRateBps: 350 });
  });
  it('drops the fields of other kinds and keeps hours as typed', () => {
    expect(needFormToBody({ kind: 'volunteering', quantity: '10', rateCents: '50', loanTermMonths: '12', materialMode: 'lend' })).toEqual({ kind: 'volunteering', quantity: 10 });
  });
  it('sends an unchecked "paid" box as "off" and leaves the kind out when editing', () => {
    expect(needFormToBody({ quantity: '6', rateCents: '45,50' }, 'expertise')).toEqual({ quantity: 6, rateCents: 4550, paid: 'off' });
  });
  it('treats an empty hourly rate of free expertise as not given', () => {
    expect(needFormToBody({ kind: 'expertise', title: 'Tenue de livres', quantity: '6', rateCents: '' })).toEqual({ kind: 'expertise', title: 'Tenue de livres', quantity: 6, paid: 'off' });
  });
});
