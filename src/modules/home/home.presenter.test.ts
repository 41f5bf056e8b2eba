import { describe, expect, it } from 'vitest';
import { presentHome } from './home.presenter.js';
import type { TerritoryView } from '../territories/territories.presenter.js';

const territory = (slug: string, kind: TerritoryView['kind'], rolloutState: TerritoryView['rolloutState'], caisses: string[] = []): TerritoryView => ({
  id: slug, slug, kind, name: `Nom ${slug}`, names: { fr: slug, en: slug }, description: '', parent: null, rolloutState, caisses: caisses.map((c) => ({ slug: c, name: c })), hasBoundary: false, rolloutSince: null, nextRollout: null,
});
const caisse = (slug: string) => ({ id: slug, slug, name: slug, descriptionFr: '', descriptionEn: '', address: '', website: null, requiresApproval: false, createdAt: new Date(), updatedAt: new Date() });

describe('presentHome', () => {
  const territories = [
    territory('montreal', 'metropolis', 'pilot', ['nord']),
    territory('villeray', 'neighbourhood', 'pilot', ['nord', 'solidaire']),
    territory('parc-ex', 'neighbourhood', 'open', ['solidaire']),
    territory('rosemont', 'neighbourhood', 'waitlist'),
    territory('petite-patrie', 'neighbourhood', 'planned'),
    territory('rosemont-b', 'borough', 'waitlist'),
  ];

  it('shows open neighbourhoods as active and those not open yet as next waves', () => {
    const home = presentHome(territories, [], 'fr');
    expect(home.active.map((x) => x.slug)).toEqual(['villeray', 'parc-ex']);
    expect(home.nextWaves.map((x) => x.slug)).toEqual(['rosemont', 'petite-patrie']);
  });

  it('lists each caisse with the territories it serves, and a caisse serving none with none', () => {
    const home = presentHome(territories, [caisse('nord'), caisse('solidaire'), caisse('nouvelle')], 'fr');
    expect(home.caisses.map((c) => [c.slug, c.territories.map((x) => x.slug)])).toEqual([
      ['nord', ['montreal', 'villeray']],
      ['solidaire', ['villeray', 'parc-ex']],
      ['nouvelle', []],
    ]);
    expect(home.caisses[0]!.territories[1]).toEqual({ slug: 'villeray', name: 'Nom villeray', kind: 'neighbourhood', rolloutState: 'pilot' });
  });
});
