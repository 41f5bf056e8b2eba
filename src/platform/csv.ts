/** CSV as spreadsheets read it (RFC 4180, CRLF, UTF-8), safe against formula injection. */

/** Quotes a CSV cell; a leading = + - @ (or tab, CR) in text is neutralised so spreadsheets never run it as a formula. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows of cells to a CSV document, each line ended by CRLF. */
export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join('');
}
