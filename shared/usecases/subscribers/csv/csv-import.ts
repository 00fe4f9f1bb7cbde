import { CsvError, parse } from 'csv-parse/sync';
import { hasForbiddenControl } from '../../../domain/control-characters.ts';
import { normaliseEmail } from '../../../domain/email-address.ts';
import type { Language } from '../../../domain/issue.ts';
import { isPlatform } from '../../../domain/platforms.ts';
import type { FileProblem, ImportField, ImportRow, ParsedFile, ParsedRow } from '../import-subscribers.ts';
import { restoreCell } from './csv-formula.ts';
import { firstNonUtf8Line, lineAt, lineStarts, nextContent, unclosedQuoteAt } from './csv-lines.ts';

/** Columns an import reads; `email` is required, the rest optional (an export has them all). */
export const IMPORT_COLUMNS = ['email', 'name', 'language', 'platform', 'paused'] as const;

const BOOLEAN: Record<string, boolean> = {
  '': false,
  false: false,
  no: false,
  '0': false,
  true: true,
  yes: true,
  '1': true,
};

const validate = (cells: Record<string, string>, defaultLanguage: Language): ImportRow | ImportField => {
  // An export's `'=…` is read back as the `=…` it was: the quote only kept a spreadsheet from running it.
  const record = Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, restoreCell(v)]));
  const email = normaliseEmail(record.email ?? '');
  if (!email) return 'email';
  const name = (record.name ?? '').trim();
  if (name.length > 100 || hasForbiddenControl(name)) return 'name';
  const language = (record.language ?? '').trim().toLowerCase() || defaultLanguage;
  if (language !== 'fr' && language !== 'en') return 'language';
  const platform = (record.platform ?? '').trim().toLowerCase();
  if (platform && !isPlatform(platform)) return 'platform';
  const paused = BOOLEAN[(record.paused ?? '').trim().toLowerCase()];
  if (paused === undefined) return 'paused';
  return {
    email,
    ...(name ? { name } : {}),
    language,
    ...(platform && isPlatform(platform) ? { platform } : {}),
    paused,
  };
};

/** A French spreadsheet saves CSV with semicolons: the header line says which one the file uses. */
const delimiterOf = (bytes: Uint8Array): string => {
  const end = bytes.findIndex((byte) => byte === 0x0a || byte === 0x0d);
  const header = new TextDecoder().decode(bytes.subarray(0, end < 0 ? bytes.length : end));
  return header.includes(';') && !header.includes(',') ? ';' : ',';
};

/**
 * The whole file read before anything is written (it is at most CSV_IMPORT_MAX_BYTES): a header line naming
 * the columns, then one subscriber a record, each with the physical line it starts on. A file that is not CSV
 * (an unclosed quote, even on its last line) gives no rows at all, only the line to fix.
 */
export const readImportCsv = (bytes: Uint8Array, defaultLanguage: Language): ParsedFile => {
  const starts = lineStarts(bytes);
  const nonUtf8 = firstNonUtf8Line(bytes, starts);
  if (nonUtf8 !== undefined) return { ok: false, problem: { kind: 'not_utf8', line: nonUtf8 } };
  const delimiter = delimiterOf(bytes);
  // Where each record ends, in bytes: the next one starts at the first non-blank byte after it.
  const ends: number[] = [];
  let header: string[] | undefined;
  let records: string[][];
  try {
    records = parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      on_record: (record: string[], context) => {
        header ??= record;
        ends.push(context.bytes);
        return record;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { ok: false, problem: csvProblem(error, { bytes, starts, header, delimiter }, ends.at(-1) ?? 0) };
  }
  const [headerCells, ...rows] = records;
  if (!headerCells) return { ok: false, problem: { kind: 'empty' } };
  const names = headerCells.map((name) => name.trim().toLowerCase());
  if (!names.includes('email')) return { ok: false, problem: { kind: 'no_email_column' } };
  return {
    ok: true,
    rows: rows.map((cells, index): ParsedRow => {
      const line = lineAt(starts, nextContent(bytes, ends[index] ?? 0));
      const record = Object.fromEntries(names.map((name, column) => [name, cells[column] ?? '']));
      const row = validate(record, defaultLanguage);
      return typeof row === 'string'
        ? { line, ok: false, field: row, value: (record[row] ?? '').slice(0, 80) }
        : { line, ok: true, row };
    }),
  };
};

type Source = {
  bytes: Uint8Array;
  starts: readonly number[];
  header: string[] | undefined;
  delimiter: string;
};

const csvProblem = (
  error: CsvError,
  { bytes, starts, header, delimiter }: Source,
  lastEnd: number,
): FileProblem => {
  const recordStart = nextContent(bytes, lastEnd);
  // csv-parse names the column by its index; past the header line, the header names it.
  const column = (error as CsvError & { column?: unknown }).column;
  const name = typeof column === 'number' && lastEnd > 0 ? header?.[column]?.trim() : undefined;
  const field = name ? { field: name.slice(0, 40) } : {};
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    const at = unclosedQuoteAt(bytes, recordStart, delimiter) ?? recordStart;
    return { kind: 'unclosed_quote', line: lineAt(starts, at), ...field };
  }
  const reported = (error as CsvError & { bytes?: unknown }).bytes;
  const at = Math.max(recordStart, typeof reported === 'number' ? reported : 0);
  const line = lineAt(starts, Math.min(at, Math.max(0, bytes.length - 1)));
  return error.code === 'INVALID_OPENING_QUOTE' || error.code === 'CSV_INVALID_CLOSING_QUOTE'
    ? { kind: 'stray_quote', line, ...field }
    : { kind: 'malformed', line, ...field };
};
