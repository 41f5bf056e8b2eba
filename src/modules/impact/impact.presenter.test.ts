import { describe, expect, it } from 'vitest';
import { impactCsv } from './impact.presenter.js';
import { csvCell } from '../../platform/csv.js';
import { ledgerColumns } from './impact.ledger.js';

describe('where fulfilled help counts', () => {
  it('puts time in hours, money in funded or lent cents, things in items lent or given', () => {
    expect(ledgerColumns('volunteering', null, 4)).toMatchObject({ hours: 4, fundedCents: 0 });
    expect(ledgerColumns('expertise', null, 6).hours).toBe(6);
    expect(ledgerColumns('funding', null, 50_000).fundedCents).toBe(50_000);
    expect(ledgerColumns('loan', null, 200_000)).toMatchObject({ lentCents: 200_000, fundedCents: 0 });
    expect(ledgerColumns('material', 'lend', 1)).toMatchObject({ itemsLent: 1, itemsGiven: 0 });
    expect(ledgerColumns('material', 'give', 2)).toMatchObject({ itemsLent: 0, itemsGiven: 2 });
    expect(ledgerColumns('product', null, 3).itemsGiven).toBe(3);
    expect(ledgerColumns('service', null, 1).itemsGiven).toBe(1);
  });
});

describe('impact CSV', () => {
  it('has a header row and one row per territory, names in the reader’s language', () => {
    const planned = { hours: 6, fundedCents: 10_000, lentCents: 0, itemsLent: 0, itemsGiven: 2, pledges: 3 };
    const row = { territoryId: 't1', slug: 'villeray', nameFr: 'Villeray', nameEn: 'Villeray (EN)', hours: 12, fundedCents: 50_000, lentCents: 0, itemsLent: 1, itemsGiven: 0, people: 3, pledges: 4, projects: 2, planned };
    const lines = impactCsv([row], 'en').trimEnd().split('\r\n');
    expect(lines[0]).toBe('territory,territory_name,hours,funded_cents,lent_cents,items_lent,items_given,people,pledges,projects,planned_hours,planned_funded_cents,planned_lent_cents,planned_items_lent,planned_items_given,planned_pledges');
    expect(lines[1]).toBe('villeray,Villeray (EN),12,50000,0,1,0,3,4,2,6,10000,0,0,2,3');
  });
  it('quotes separators and neutralises spreadsheet formulas', () => {
    expect(csvCell('Saint-Michel, Nord')).toBe('"Saint-Michel, Nord"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-5)).toBe('-5');
  });
});
