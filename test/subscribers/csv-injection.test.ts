import { beforeAll, describe, expect, it } from 'vitest';
import { neutraliseCell, restoreCell } from '../../shared/usecases/subscribers/csv/csv-formula.ts';
import { readImportCsv } from '../../shared/usecases/subscribers/csv/csv-import.ts';
import type { EmailAddress } from '../../shared/domain/email-address.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { admin, testApp } from '../support/test-app.ts';
import { idOf, type TestApp } from './support.ts';

// Each prefix OWASP lists for CSV injection, as the name a sign-up could type.
const NAMES = ['=1+1', '+33 6 12', '-2+3', '@SUM(A1:A9)', '\tTab', "'=déjà cité", 'Chloé = Martin'];

const readAll = (csv: string) => {
  const file = readImportCsv(new TextEncoder().encode(csv), 'fr');
  if (!file.ok) throw new Error(`the export does not read back: ${file.problem.kind}`);
  return file.rows;
};

describe('the subscriber CSV export against formula injection', () => {
  let t: TestApp;
  let csv: string;

  beforeAll(async () => {
    t = await testApp();
    for (const [i, name] of NAMES.entries()) {
      const email = `formule${i}@exemple.fr` as EmailAddress;
      await t.subscribers.create(aSubscriber({ id: idOf(email), email, name }));
    }
    const email = '=cmd@exemple.fr' as EmailAddress;
    await t.subscribers.create(aSubscriber({ id: idOf(email), email, name: 'Adresse' }));
    const response = await t.app.request('/admin/subscribers/export.csv?status=confirmed', admin);
    expect(response.status).toBe(200);
    csv = new TextDecoder().decode(await response.arrayBuffer());
  });

  it('writes a name starting with = as quoted text, on the CSV bytes', () => {
    expect(csv).toContain("formule0@exemple.fr,'=1+1,fr,");
    expect(csv).not.toMatch(/,=1\+1,/);
  });

  it('prefixes every dangerous start with a quote, and a name that really starts with it with one more', () => {
    expect(csv).toContain("formule1@exemple.fr,'+33 6 12,");
    expect(csv).toContain("formule2@exemple.fr,'-2+3,");
    expect(csv).toContain("formule3@exemple.fr,'@SUM(A1:A9),");
    expect(csv).toContain("formule4@exemple.fr,'\tTab,");
    expect(csv).toContain("formule5@exemple.fr,''=déjà cité,");
    expect(csv).toContain('formule6@exemple.fr,Chloé = Martin,');
    // The address column too: `=` is legal in an address's local part.
    expect(csv).toContain("\n'=cmd@exemple.fr,Adresse,");
  });

  it('leaves no cell of the file starting with a formula character', () => {
    const cells = csv.split(/\r?\n/).flatMap((line) => line.split(','));
    expect(cells.filter((cell) => /^[=+\-@\t]/.test(cell))).toEqual([]);
  });

  it('reads its own export back as the names and addresses the subscribers gave', async () => {
    const rows = readAll(csv);
    const valid = rows.flatMap((r) => (r.ok ? [r.row] : []));
    expect(rows.filter((r) => !r.ok)).toEqual([]);
    const byEmail = new Map(valid.map((row) => [row.email as string, row.name]));
    for (const [i, name] of NAMES.entries()) expect(byEmail.get(`formule${i}@exemple.fr`)).toBe(name.trim());
    expect(byEmail.get('=cmd@exemple.fr')).toBe('Adresse');
  });
});

describe('one cell', () => {
  it('neutralises a carriage return start, which a name cannot carry but another column could', () => {
    expect(neutraliseCell('\rx')).toBe("'\rx");
    expect(restoreCell("'\rx")).toBe('\rx');
  });

  it('leaves ordinary cells, dates and an empty cell as they are, both ways', () => {
    for (const cell of ['', 'chloe@exemple.fr', '2026-11-01T09:00:00.000Z', "l'été", "'"]) {
      expect(neutraliseCell(cell)).toBe(cell);
      expect(restoreCell(cell)).toBe(cell);
    }
  });
});
