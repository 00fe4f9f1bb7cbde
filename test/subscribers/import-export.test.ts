import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../shared/usecases/subscribers/csv/csv-formula.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { admin, testApp } from '../support/test-app.ts';
import { idOf, importCsv, type TestApp } from './support.ts';
import { randomUUID } from 'node:crypto';

const exportCsv = async (app: TestApp['app']) => {
  const response = await app.request('/admin/subscribers/export.csv?status=confirmed', admin);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return response.text();
};

describe('a CSV import of 10,000 rows', () => {
  let t: TestApp;
  let report: Record<string, unknown>;
  const run = Math.random().toString(36).slice(2, 8);
  const invalidLines: number[] = [];

  beforeAll(async () => {
    t = await testApp();
    // 100 addresses erased or bounced before, 50 already subscribed: both must stay as they are.
    for (let i = 0; i < 100; i += 1)
      await t.subscribers.suppress(idOf(`r${i}.${run}@exemple.fr`), 'erased', '2026-11-01T00:00:00.000Z');
    for (let i = 100; i < 150; i += 1) {
      const email = `r${i}.${run}@exemple.fr`;
      await t.subscribers.create(aSubscriber({ id: idOf(email), email: email as never, name: 'Déjà là' }));
    }
    const lines = ['email,name,language'];
    for (let i = 0; i < 10_000; i += 1) {
      const line = i + 2; // the header is line 1
      if (i >= 9_800) {
        lines.push(`R${i - 9_700}.${run}@EXEMPLE.FR,Doublon,en`); // the same addresses as rows 100…299
      } else if (i % 100 < 3) {
        invalidLines.push(line);
        lines.push(
          i % 2 ? `r${i}.${run}@exemple,Sans domaine,fr` : `r${i}.${run}@exemple.fr,"Zoé, « la » grande",de`,
        );
      } else {
        lines.push(`r${i}.${run}@exemple.fr,"Zoé, « ${i} »",${i % 2 ? 'en' : 'fr'}`);
      }
    }
    const response = await importCsv(
      t.app,
      `${lines.join('\r\n')}\r\n`,
      'mode=consented&source=salon%202026',
    );
    expect(response.status).toBe(200);
    report = (await response.json()) as Record<string, unknown>;
  }, 180_000);

  it('reports exact counts: invalid rows by line, duplicates, suppressed and existing addresses skipped', () => {
    // 3 % invalid among rows 0–9,799 (294). Rows 9,800–9,999 repeat rows 100–299: 194 are duplicates, but the 6
    // whose first row was invalid (100–102, 200–202) count at their repeat: 3 as existing, 3 created.
    // Rows 0–99 are suppressed (97 valid), rows 100–149 exist (47 valid + those 3 repeats).
    const invalid = report.invalid as { line: number; detail: string }[];
    expect(invalid.map((i) => i.line)).toEqual(invalidLines);
    expect(invalid).toHaveLength(294);
    expect(invalid[0]).toEqual({ line: 2, field: 'language', detail: 'language: must be fr or en' });
    expect(invalid[1]).toEqual({ line: 3, field: 'email', detail: 'email: must be a valid email address' });
    expect(report).toEqual({
      rows: 10_000,
      created: 9_365,
      existing: 50,
      duplicates: 194,
      suppressed: 97,
      invalid,
      confirmationsSent: 0,
      confirmationsFailed: 0,
    });
  });

  it('stored the consent with its source and left the existing and suppressed records alone', async () => {
    expect(await t.subscribers.get(idOf(`r555.${run}@exemple.fr`))).toMatchObject({
      status: 'confirmed',
      name: 'Zoé, « 555 »',
      consent: { source: 'import: salon 2026', textVersion: 'import' },
    });
    expect(await t.subscribers.get(idOf(`r120.${run}@exemple.fr`))).toMatchObject({ name: 'Déjà là' });
    expect(await t.subscribers.get(idOf(`r10.${run}@exemple.fr`))).toMatchObject({ status: 'suppressed' });
  });
});

describe('CSV export and import', () => {
  it('round-trip: an export imported into an empty list exports the same subscribers', async () => {
    const t = await testApp();
    const names = ['Zoé, « la » grande', 'O\'Brien "Bob"', '=1+1', '', 'Ünïcödé ☀️'];
    const platforms = ['', 'spotify', 'deezer', 'bandcamp'];
    const lines = ['email,name,language,platform,paused'];
    for (let i = 0; i < 120; i += 1) {
      const name = names[i % names.length] ?? '';
      lines.push(
        `rt${i}.${randomUUID().slice(0, 8)}@exemple.fr,"${name.replaceAll('"', '""')}",${i % 3 ? 'fr' : 'en'},${platforms[i % 4]},${i % 5 === 0}`,
      );
    }
    await importCsv(t.app, lines.join('\n'), 'mode=consented&source=first');
    const exported = await exportCsv(t.app);
    const rows = parse(exported, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(120);
    expect(rows.filter((r) => r.paused === 'true')).toHaveLength(24);

    const other = await testApp();
    const response = await importCsv(other.app, exported, 'mode=consented&source=round%20trip');
    expect(await response.json()).toMatchObject({ rows: 120, created: 120, invalid: [] });
    const again = parse(await exportCsv(other.app), { columns: true }) as Record<string, string>[];
    const columns = (r: Record<string, string>) => [
      r.email,
      r.name,
      r.language,
      r.platform,
      r.paused,
      r.status,
    ];
    expect(again.map(columns)).toEqual(rows.map(columns));
    // As the file carries them: `=1+1` behind the quote that keeps a spreadsheet from running it.
    expect(new Set(rows.map((r) => r.name))).toEqual(new Set(names.map(neutraliseCell)));
  });
});
