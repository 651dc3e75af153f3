import { stringify } from 'csv-stringify/sync';

// Spreadsheet formula injection. A text that starts with = + - @ (or a tab, CR, LF) may be run as
// a formula by Excel or LibreOffice. Quoting is not enough: Excel splits a CSV on the separator of
// the reader's locale (";" in Indonesia, "," elsewhere) and honours a quote only at the start of a
// field, so in `a,"b;=1+1",c` a ";"-locale Excel sees a field `=1+1",c`. So every place a field
// could begin — the start, and after any ; , or tab — is neutralised with an apostrophe, and an
// apostrophe already there gets one more (so restoreFormulaText undoes it exactly on import).
// A formula character that ends the text cannot start a formula ("Rp 5.000,-" stays as it is).
const formulaStart = /(^|[;,\t])('*[=+\-@\t\r\n])(?!$)/g;

/** Text safe to open in a spreadsheet whatever its separator; undone by restoreFormulaText. */
export function neutraliseFormulaText(s: string): string {
  return s.replace(formulaStart, "$1'$2");
}

/** The exact text of a cell exported by neutraliseFormulaText (imports read files we exported). */
export function restoreFormulaText(s: string): string {
  return s.replace(/(^|[;,\t])'('*[=+\-@\t\r\n])(?!$)/g, '$1$2');
}

function safeCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  // A number's text (digits, sign, point, exponent) cannot carry a formula.
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return neutraliseFormulaText(String(v));
}

/** CSV with a UTF-8 byte-order mark so Excel shows Indonesian names correctly. */
export function toCsv(header: string[], rows: unknown[][]): string {
  // Fields with a ";" or a tab are quoted too, so a ";"-locale reader keeps them whole.
  return `\uFEFF${stringify(
    [header, ...rows].map((r) => r.map(safeCell)),
    { quoted_match: /[;\t]/ },
  )}`;
}
