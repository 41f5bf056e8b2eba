import type { Locale } from '../../platform/i18n/i18n.js';
import type { TerritoryRef, TerritoryView } from '../territories/territories.presenter.js';
import { acceptsWaitlist, isOpenForSignup } from '../territories/territories.policy.js';
import { presentCaisse, type CaisseView } from '../caisses/caisses.presenter.js';
import type { caisses } from '../caisses/caisses.tables.js';
import type { RolloutMapView } from '../territories/territories.map.js';

export type HomeView = {
  /** Neighbourhoods where people can take part now (pilot or open). */
  active: TerritoryView[];
  /** Neighbourhoods of the next waves (waitlist or planned). */
  nextWaves: TerritoryView[];
  caisses: CaisseView[];
  /** The rollout map and its table (ADR 0015); absent in unit tests of the presenter. */
  map?: RolloutMapView | undefined;
};

/**
 * Builds the home page from what two reads already hold: the territories (each with the caisses
 * serving it) and the caisse rows. Each caisse's territories come from inverting those links.
 */
export function presentHome(territories: TerritoryView[], caisseRows: (typeof caisses.$inferSelect)[], locale: Locale): HomeView {
  const served = new Map<string, TerritoryRef[]>();
  for (const territory of territories) {
    const ref: TerritoryRef = { slug: territory.slug, name: territory.name, kind: territory.kind, rolloutState: territory.rolloutState };
    for (const caisse of territory.caisses) served.set(caisse.slug, [...(served.get(caisse.slug) ?? []), ref]);
  }
  return {
    active: territories.filter(isOpenForSignup),
    nextWaves: territories.filter((x) => x.kind === 'neighbourhood' && acceptsWaitlist(x)),
    caisses: caisseRows.map((row) => presentCaisse(row, locale, served.get(row.slug) ?? [])),
  };
}
