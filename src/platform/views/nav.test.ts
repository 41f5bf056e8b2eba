import { describe, expect, it } from 'vitest';
import { NAV_ROW_BUDGET, splitNavigation, type NavEntry } from './nav.js';

/** Entries whose labels are the given strings (the label key is the text itself here). */
const entries = (...labels: string[]): NavEntry[] => labels.map((label, i) => ({ key: `e${i}`, href: `/e${i}`, label, order: i * 10 }));
const label = (e: NavEntry) => e.label;
const keys = (list: NavEntry[]) => list.map((e) => e.key);

describe('splitNavigation', () => {
  it('keeps every entry in the row when they all fit, with no "More"', () => {
    const list = entries('Accueil', 'Fil', 'Projets', 'Offres', 'Tableaux', 'Recherche');
    expect(splitNavigation(list, label)).toEqual({ inline: list, more: [] });
  });

  it('folds the entries beyond the row under "More", in menu order, whatever their roles', () => {
    const list = entries('Accueil', 'Fil', 'Projets', 'Appels de projets', 'Offres', 'Tableaux', 'Recherche', 'Concours', 'Territoires', 'Caisses', 'Ma caisse', 'Modération', 'Administration');
    const { inline, more } = splitNavigation(list, label);
    expect(keys(inline)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(keys(more)).toEqual(['e5', 'e6', 'e7', 'e8', 'e9', 'e10', 'e11', 'e12']);
    expect(inline.reduce((n, e) => n + e.label.length + 1.5, 0)).toBeLessThanOrEqual(NAV_ROW_BUDGET);
  });

  it('counts the translated labels: shorter words fit more entries', () => {
    const list = entries('Home', 'Feed', 'Projects', 'Offers', 'Boards', 'Search', 'Contests', 'Territories', 'Caisses');
    expect(keys(splitNavigation(list, label).inline)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5']);
  });

  it('never reorders: a long label stops the row even if a later short one would fit', () => {
    const { inline, more } = splitNavigation(entries('Un', 'Une entrée très très longue', 'Deux'), label, 10);
    expect([keys(inline), keys(more)]).toEqual([['e0'], ['e1', 'e2']]);
  });
});
