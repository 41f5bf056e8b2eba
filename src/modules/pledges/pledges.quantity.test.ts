import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n/i18n.js';
import { formatters } from '../../platform/i18n/format.js';
import { describeCommitment, formQuantity, parseFormQuantity } from './pledges.quantity.js';

describe('reading a quantity typed in a form', () => {
  it('reads dollars the French way and stores cents', () => {
    expect(parseFormQuantity('2 000', 'cents', 'fr')).toBe(200_000);
    expect(parseFormQuantity('1 250,50 $', 'cents', 'fr')).toBe(125_050);
    expect(parseFormQuantity('12.5', 'cents', 'fr')).toBe(1_250);
  });
  it('reads dollars the English way', () => {
    expect(parseFormQuantity('$2,000.75', 'cents', 'en')).toBe(200_075);
    expect(parseFormQuantity('12,50', 'cents', 'en')).toBe(1_250);
  });
  it('takes whole hours and items only', () => {
    expect(parseFormQuantity('4', 'hours', 'fr')).toBe(4);
    expect(parseFormQuantity('4,5', 'hours', 'fr')).toBeNull();
    expect(parseFormQuantity('-1', 'items', 'en')).toBeNull();
    expect(parseFormQuantity('', 'items', 'en')).toBeNull();
    expect(parseFormQuantity('beaucoup', 'cents', 'fr')).toBeNull();
    expect(parseFormQuantity('1,234', 'cents', 'fr')).toBeNull();
  });
  it('puts a stored quantity back in the form as typed', () => {
    expect(formQuantity(125_050, 'cents', 'fr')).toBe('1250,50');
    expect(formQuantity(200_000, 'cents', 'en')).toBe('2000');
    expect(formQuantity(4, 'hours', 'en')).toBe('4');
  });
});

describe('the commitment sentence', () => {
  const facts = { kind: 'volunteering' as const, unit: 'hours' as const, materialMode: null, quantity: 4, needTitle: 'Corvée', projectTitle: 'Ruelle verte Fabre', startDate: '2026-05-03', endDate: null };
  it('states hours, project and day in French and English', () => {
    expect(describeCommitment(translator('fr'), formatters('fr'), facts)).toBe('Vous vous engagez à donner 4 heures de bénévolat au projet « Ruelle verte Fabre » le 3 mai 2026.');
    expect(describeCommitment(translator('en'), formatters('en'), facts)).toBe('You commit to give 4 hours of volunteering to “Ruelle verte Fabre” on May 3, 2026.');
  });
  it('states money and a span of days', () => {
    const loan = { ...facts, kind: 'loan' as const, unit: 'cents' as const, quantity: 200_000, startDate: '2026-06-01', endDate: '2026-06-30' };
    expect(describeCommitment(translator('fr'), formatters('fr'), loan).replace(/[\u00a0\u202f]/g, ' ')).toContain('prêter 2 000,00 $ au projet « Ruelle verte Fabre » du 1 juin 2026 au 30 juin 2026');
  });
});
