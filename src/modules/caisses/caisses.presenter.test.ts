import { describe, expect, it } from 'vitest';
import { presentCaisse, safeWebsite } from './caisses.presenter.js';

const row = {
  id: 'c1', slug: 'cite', name: 'Caisse de la Cité', descriptionFr: 'En français', descriptionEn: 'In English', address: '2 boul. Henri-Bourassa',
  website: 'https://example.ca/cite', requiresApproval: true, createdAt: new Date(), updatedAt: new Date(),
};

describe('presentCaisse', () => {
  it('describes the caisse in the request locale with the territories it serves', () => {
    const served = [{ slug: 'villeray', name: 'Villeray', kind: 'neighbourhood', rolloutState: 'pilot' } as const];
    expect(presentCaisse(row, 'en', served)).toEqual({ id: 'c1', slug: 'cite', name: 'Caisse de la Cité', description: 'In English', address: '2 boul. Henri-Bourassa', website: 'https://example.ca/cite', territories: served });
    expect(presentCaisse(row, 'fr', []).description).toBe('En français');
  });

  it('never exposes staff settings', () => {
    expect(Object.keys(presentCaisse(row, 'fr', []))).not.toContain('requiresApproval');
  });
});

describe('safeWebsite', () => {
  it('keeps http(s) links and drops anything else', () => {
    expect(safeWebsite('https://example.ca')).toBe('https://example.ca/');
    expect(safeWebsite('javascript:alert(1)')).toBeNull();
    expect(safeWebsite('pas une adresse')).toBeNull();
    expect(safeWebsite(null)).toBeNull();
  });
});
