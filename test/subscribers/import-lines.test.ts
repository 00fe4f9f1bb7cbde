import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readImportCsv } from '../../shared/usecases/subscribers/csv/csv-import.ts';
import type { ParsedFile } from '../../shared/usecases/subscribers/import-subscribers.ts';

const read = (csv: string | Uint8Array) =>
  readImportCsv(typeof csv === 'string' ? new TextEncoder().encode(csv) : csv, 'fr');

const linesOf = (file: ParsedFile) => (file.ok ? file.rows.map((row) => row.line) : file.problem);

/** Line breaks as an editor counts them. */
const breaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

describe('reading an import file', () => {
  it('numbers each row by the physical line it starts on, whatever the line endings, blank lines and quoted newlines', () => {
    const name = fc
      .array(fc.constantFrom('Zoé', ' ', '"', ',', '\n', '\r\n', '\r', 'x', '«'), { maxLength: 6 })
      .map((parts) => parts.join(''));
    const row = fc.record({ name, blanks: fc.nat({ max: 2 }), valid: fc.boolean() });
    fc.assert(
      fc.property(
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.array(row, { maxLength: 12 }),
        fc.boolean(),
        (eol, bom, rows, unclosedLast) => {
          let text = `${bom ? '\uFEFF' : ''}email,name${eol}`;
          let line = 2;
          const expected: number[] = [];
          for (const [i, r] of rows.entries()) {
            text += eol.repeat(r.blanks);
            line += r.blanks;
            const cell = `"${r.name.replaceAll('"', '""')}"`;
            const record = `${r.valid ? `r${i}@exemple.fr` : `r${i}@exemple`},${cell}`;
            expected.push(line);
            text += record + eol;
            line += breaks(record) + 1;
          }
          if (unclosedLast) {
            text += `last@exemple.fr,"Sam${eol}`;
            expect(read(text)).toEqual({
              ok: false,
              problem: { kind: 'unclosed_quote', line, field: 'name' },
            });
          } else expect(linesOf(read(text))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the line where a never-closed quote opens, not the end of the file where parsing stopped', () => {
    const csv = 'email,name\na@x.fr,A\nb@x.fr,B\nc@x.fr,C\nd@x.fr,D\ne@x.fr,"E\nf@x.fr,F\ng@x.fr,G\n';
    expect(read(csv)).toEqual({ ok: false, problem: { kind: 'unclosed_quote', line: 6, field: 'name' } });
  });

  it('refuses a stray quote inside an unquoted field, by its line', () => {
    const csv = 'email,name\r\na@x.fr,"A\r\nA2"\r\nb@x.fr,B"x"\r\n';
    expect(read(csv)).toEqual({ ok: false, problem: { kind: 'stray_quote', line: 4, field: 'name' } });
  });

  it('refuses a file a spreadsheet saved in Windows-1252, naming the first line that is not UTF-8', () => {
    const latin1 = Uint8Array.from([...'email,name\na@x.fr,Zo'].map((c) => c.charCodeAt(0)).concat([0xe9]));
    expect(read(latin1)).toEqual({ ok: false, problem: { kind: 'not_utf8', line: 2 } });
  });

  it('refuses an empty file and one without an email column, and reads a French semicolon file', () => {
    expect(read('')).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(read('name\nChloé\n')).toEqual({ ok: false, problem: { kind: 'no_email_column' } });
    const semicolons = read('email;name;language\nchloe@exemple.fr;Chloé, dite Clo;en\n');
    expect(semicolons.ok && semicolons.rows).toEqual([
      {
        line: 2,
        ok: true,
        row: { email: 'chloe@exemple.fr', name: 'Chloé, dite Clo', language: 'en', paused: false },
      },
    ]);
  });

  it('says which column of a row is wrong and what it held', () => {
    const file = read(
      'email,name,language,platform,paused\nnope,A,fr,,\nb@x.fr,B,de,,\nc@x.fr,C,fr,vinyl,\nd@x.fr,D,fr,,peut-être\n',
    );
    expect(file.ok && file.rows).toEqual([
      { line: 2, ok: false, field: 'email', value: 'nope' },
      { line: 3, ok: false, field: 'language', value: 'de' },
      { line: 4, ok: false, field: 'platform', value: 'vinyl' },
      { line: 5, ok: false, field: 'paused', value: 'peut-être' },
    ]);
  });
});
