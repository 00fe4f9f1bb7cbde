/**
 * OWASP "CSV injection": a spreadsheet runs a cell starting with `=`, `+`, `-`, `@`, tab or carriage return as
 * a formula (`=HYPERLINK(…)` from a sign-up's name). The export prefixes such a cell with `'`, which every
 * spreadsheet shows as text, and the import takes exactly that one `'` off, so a round trip keeps the text.
 * A cell already starting with `'` before one of them gets one more, so a name that really begins `'=` survives
 * the round trip too.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** The cell as the export writes it: inert in a spreadsheet. */
export const neutraliseCell = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

/** The cell as the author wrote it, from what the export wrote. */
export const restoreCell = (cell: string): string =>
  cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
