import { LOCALE_TAGS, type Locale } from './i18n.js';

/** Dates, numbers and money through Intl, in fr-CA (1 234,56 $) or en-CA ($1,234.56). */
export function formatters(locale: Locale): Formatters {
  return cache[locale];
}

function build(locale: Locale) {
  const tag = LOCALE_TAGS[locale];
  const number = new Intl.NumberFormat(tag);
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'America/Toronto' });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Toronto' });
  const money = new Intl.NumberFormat(tag, { style: 'currency', currency: 'CAD' });
  return {
    number: (n: number) => number.format(n),
    /** Money arrives in integer cents. */
    money: (cents: number) => money.format(cents / 100),
    date: (d: Date) => date.format(d),
    dateTime: (d: Date) => dateTime.format(d),
    isoDate: (d: Date) => d.toISOString(),
  };
}

export type Formatters = ReturnType<typeof build>;

// Intl objects are costly to create: one set per locale for the life of the process.
const cache: Record<Locale, Formatters> = { fr: build('fr'), en: build('en') };
