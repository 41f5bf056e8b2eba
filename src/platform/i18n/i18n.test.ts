import { describe, expect, it } from 'vitest';
import { flattenKeys, localeFromAcceptLanguage, translator } from './i18n.js';
import { catalogues } from '../../catalogues.js';
import { formatters } from './format.js';
import { errorStatuses } from '../errors.js';

describe('catalogues', () => {
  it('have exactly the same keys in French and English', () => {
    const fr = new Set(flattenKeys(catalogues.fr));
    const en = new Set(flattenKeys(catalogues.en));
    expect([...fr].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !fr.has(k))).toEqual([]);
  });

  it('give every error code, the platform\'s and the modules\', a message in both languages', () => {
    const codes = [...errorStatuses().keys()];
    expect(codes.length).toBeGreaterThan(70);
    for (const locale of ['fr', 'en'] as const) {
      const errors = catalogues[locale].errors as Record<string, unknown>;
      expect(codes.filter((c) => typeof errors[c] !== 'string')).toEqual([]);
    }
  });

  it('have no empty string', () => {
    for (const locale of ['fr', 'en'] as const) {
      const t = translator(locale);
      const empty = flattenKeys(catalogues[locale]).filter((k) => t(k.replace(/_(one|other)$/, ''), { count: 2 }).trim() === '');
      expect(empty).toEqual([]);
    }
  });

  it('pluralise with the rules of each language', () => {
    expect(translator('fr')('form.errorSummary', { count: 1 })).toBe('Le formulaire contient une erreur');
    expect(translator('fr')('form.errorSummary', { count: 3 })).toBe('Le formulaire contient 3 erreurs');
    expect(translator('en')('form.errorSummary', { count: 3 })).toBe('The form has 3 errors');
  });
});

describe('Accept-Language', () => {
  it('honours q-values and falls back to undefined', () => {
    expect(localeFromAcceptLanguage('de-DE, en-CA;q=0.8, fr;q=0.5')).toBe('en');
    expect(localeFromAcceptLanguage('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(localeFromAcceptLanguage('de, es')).toBeUndefined();
    expect(localeFromAcceptLanguage(undefined)).toBeUndefined();
  });
});

describe('formatters', () => {
  it('write money the fr-CA way (1 234,56 $) and the en-CA way ($1,234.56)', () => {
    expect(formatters('fr').money(123456).replace(/\s/g, ' ')).toBe('1 234,56 $');
    expect(formatters('en').money(123456)).toBe('$1,234.56');
    expect(formatters('fr').number(1234567).replace(/\s/g, ' ')).toBe('1 234 567');
  });
});
