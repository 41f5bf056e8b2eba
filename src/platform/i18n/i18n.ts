import i18next, { type TFunction } from 'i18next';

const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';
/** BCP 47 tags used for Intl and the html lang attribute. */
export const LOCALE_TAGS: Record<Locale, string> = { fr: 'fr-CA', en: 'en-CA' };

const instance = i18next.createInstance();
void instance.init({
  resources: { fr: { translation: {} }, en: { translation: {} } },
  lng: DEFAULT_LOCALE,
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false }, // Preact escapes on render
  returnNull: false,
});

export type T = (key: string, params?: Record<string, unknown>) => string;

const fixed: Record<Locale, TFunction> = { fr: instance.getFixedT('fr'), en: instance.getFixedT('en') };

// Most strings have no parameters: resolve each once per locale instead of on every render.
const plain: Record<Locale, Map<string, string>> = { fr: new Map(), en: new Map() };
const translators: Record<Locale, T> = { fr: build('fr'), en: build('en') };

function build(locale: Locale): T {
  const t = fixed[locale];
  const cache = plain[locale];
  return (key, params) => {
    if (params === undefined) {
      let hit = cache.get(key);
      if (hit === undefined) {
        hit = String(t(key, { lng: locale }));
        cache.set(key, hit);
      }
      return hit;
    }
    return String(t(key, { ...params, lng: locale }));
  };
}

export type Catalogue = Record<string, unknown>;
let loaded: { fr: Catalogue; en: Catalogue } | null = null;

/**
 * Loads the merged catalogues (the composition root, `src/catalogues.ts`, gathers the platform's and
 * every module's): platform code knows no feature's strings. Called once at start (app.ts, cli, tests).
 */
export function registerCatalogues(c: { fr: Catalogue; en: Catalogue }): void {
  if (loaded === c) return;
  for (const locale of LOCALES) {
    instance.addResourceBundle(locale, 'translation', c[locale], true, true);
    plain[locale].clear();
  }
  loaded = c;
}


export function translator(locale: Locale): T {
  return translators[locale];
}

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

/** Picks fr or en from an Accept-Language header, honouring q-values. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.find((r) => isLocale(r.lang))?.lang as Locale | undefined;
}

/** Flattens a nested catalogue into dotted keys (used by the parity test and the key check). */
export function flattenKeys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? flattenKeys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

