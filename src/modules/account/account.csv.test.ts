import { describe, expect, it } from 'vitest';
import { accountExportCsv } from './account.csv.js';

describe('the data export as CSV', () => {
  it('writes one line per field of every row, nested values as JSON, formulas neutralised', () => {
    const csv = accountExportCsv({
      format: 'espace-collectif-export', version: 2, exportedAt: '2026-12-05T10:00:00.000Z',
      data: { profile: [{ displayName: 'Marie-Ève, « Fabre »', skills: ['jardinage', 'cuisine'], bio: '=HYPERLINK("x")', birthYear: null, verified: true }], pledges: [{ quantity: 4 }, { quantity: 2 }] },
    });
    expect(csv.split('\r\n')).toEqual([
      'section,row,field,value',
      'export,1,format,espace-collectif-export',
      'export,1,version,2',
      'export,1,exportedAt,2026-12-05T10:00:00.000Z',
      'profile,1,displayName,"Marie-Ève, « Fabre »"',
      'profile,1,skills,"[""jardinage"",""cuisine""]"',
      'profile,1,bio,"\'=HYPERLINK(""x"")"',
      'profile,1,birthYear,',
      'profile,1,verified,true',
      'pledges,1,quantity,4',
      'pledges,2,quantity,2',
      '',
    ]);
  });
});
