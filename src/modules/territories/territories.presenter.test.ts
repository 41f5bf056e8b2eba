import { describe, expect, it } from 'vitest';
import { buildTerritoryTree, presentTerritory, type TerritoryView } from './territories.presenter.js';
import type { territories } from './territories.tables.js';

const row = (o: Partial<typeof territories.$inferSelect> = {}): typeof territories.$inferSelect => ({
  id: 't1', slug: 'villeray', parentId: 'b1', kind: 'neighbourhood', nameFr: 'Villeray (fr)', nameEn: 'Villeray (en)', descriptionFr: 'Description fr', descriptionEn: 'Description en',
  rolloutState: 'pilot', position: 0, boundary: null, createdAt: new Date(), updatedAt: new Date(), ...o,
});

const view = (slug: string, parent: string | null): TerritoryView => presentTerritory(row({ id: slug, slug }), 'fr', parent, []);

describe('presentTerritory', () => {
  it('names and describes the territory in the request locale and keeps both names', () => {
    const en = presentTerritory(row(), 'en', 'vsp', [{ slug: 'cite', name: 'Caisse de la Cité' }]);
    expect(en).toMatchObject({ name: 'Villeray (en)', description: 'Description en', names: { fr: 'Villeray (fr)', en: 'Villeray (en)' }, parent: 'vsp', caisses: [{ slug: 'cite', name: 'Caisse de la Cité' }] });
    expect(presentTerritory(row(), 'fr', null, []).name).toBe('Villeray (fr)');
  });

  it('never exposes the raw boundary or internal columns', () => {
    const out = presentTerritory(row({ boundary: { type: 'Polygon' } }), 'fr', null, []);
    expect(out.hasBoundary).toBe(true);
    expect(Object.keys(out)).not.toContain('boundary');
    expect(Object.keys(out)).not.toContain('parentId');
  });
});

describe('buildTerritoryTree', () => {
  it('nests neighbourhoods under boroughs under the metropolis, in list order', () => {
    const tree = buildTerritoryTree([view('montreal', null), view('vsp', 'montreal'), view('villeray', 'vsp'), view('parc-ex', 'vsp'), view('plateau-b', 'montreal')]);
    expect(tree.map((n) => n.territory.slug)).toEqual(['montreal']);
    expect(tree[0]!.children.map((n) => n.territory.slug)).toEqual(['vsp', 'plateau-b']);
    expect(tree[0]!.children[0]!.children.map((n) => n.territory.slug)).toEqual(['villeray', 'parc-ex']);
  });

  it('keeps a territory whose parent is missing from the list as a root', () => {
    const tree = buildTerritoryTree([view('villeray', 'vsp')]);
    expect(tree.map((n) => n.territory.slug)).toEqual(['villeray']);
  });
});
