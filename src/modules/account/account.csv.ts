import { csvDocument } from '../../platform/csv.js';
import type { AccountExport } from './account.service.js';

/**
 * The same export as the JSON document, as one CSV a spreadsheet opens: one line per field of
 * every row of every section (`section,row,field,value`), so sections of different shapes fit one
 * sheet. Nested values (lists, links, settings) are written as JSON in their cell.
 */
export function accountExportCsv(doc: AccountExport): string {
  const rows: (string | number)[][] = [['section', 'row', 'field', 'value'], ['export', 1, 'format', doc.format], ['export', 1, 'version', doc.version], ['export', 1, 'exportedAt', doc.exportedAt]];
  for (const [section, items] of Object.entries(doc.data)) {
    items.forEach((item, i) => {
      for (const [field, value] of Object.entries(item)) rows.push([section, i + 1, field, cell(value)]);
    });
  }
  return csvDocument(rows);
}

function cell(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}
