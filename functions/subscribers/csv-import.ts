import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { hasForbiddenControl } from '../../shared/domain/control-characters.ts';
import { normaliseEmail } from '../../shared/domain/email-address.ts';
import type { Language } from '../../shared/domain/issue.ts';
import { isPlatform } from '../../shared/domain/platforms.ts';
import type { ImportRow, ParsedRow } from '../../shared/usecases/subscribers/import-subscribers.ts';
import { HttpProblem } from '../http/problem.ts';
import { restoreCell } from './csv-formula.ts';

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

const validate = (cells: Record<string, string>, defaultLanguage: Language): ImportRow | string => {
  // An export's `'=…` is read back as the `=…` it was: the quote only kept a spreadsheet from running it.
  const record = Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, restoreCell(v)]));
  const email = normaliseEmail(record.email ?? '');
  if (!email) return 'email: must be a valid email address';
  const name = (record.name ?? '').trim();
  if (name.length > 100 || hasForbiddenControl(name))
    return 'name: must be one line of at most 100 characters, without control characters';
  const language = (record.language ?? '').trim().toLowerCase() || defaultLanguage;
  if (language !== 'fr' && language !== 'en') return 'language: must be fr or en';
  const platform = (record.platform ?? '').trim().toLowerCase();
  if (platform && !isPlatform(platform)) return `platform: unknown platform "${platform}"`;
  const paused = BOOLEAN[(record.paused ?? '').trim().toLowerCase()];
  if (paused === undefined) return 'paused: must be true or false';
  return {
    email,
    ...(name ? { name } : {}),
    language,
    ...(platform && isPlatform(platform) ? { platform } : {}),
    paused,
  };
};

/**
 * Parses the CSV as it streams in (a header line, then one subscriber a line), yielding each row valid or not
 * with its line number in the file. A file that is not CSV at all (an unclosed quote) stops with a 422.
 */
export async function* parseImportCsv(
  body: ReadableStream<Uint8Array>,
  defaultLanguage: Language,
): AsyncGenerator<ParsedRow> {
  const parser = Readable.fromWeb(body as never).pipe(
    parse({
      bom: true,
      columns: headerOf,
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      const row = validate(record, defaultLanguage);
      yield typeof row === 'string'
        ? { line: info.lines, ok: false, detail: row }
        : { line: info.lines, ok: true, row };
    }
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    if (error instanceof CsvError)
      throw new HttpProblem(422, 'invalid-csv', 'The file is not valid CSV', error.message, {
        errors: [{ pointer: '/', detail: error.message }],
      });
    throw error;
  }
}

const headerOf = (header: string[]): string[] => {
  const names = header.map((name) => name.trim().toLowerCase());
  if (!names.includes('email'))
    throw new HttpProblem(
      422,
      'invalid-csv',
      'The CSV has no email column',
      'The first line must name the columns, one of them "email".',
      {
        errors: [{ pointer: '/columns', detail: 'must include email' }],
      },
    );
  return names;
};
