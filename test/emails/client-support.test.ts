import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { READER_LANGUAGES } from '../../shared/domain/reader-languages.ts';
import { type ClientSupportReport, clientSupportReport } from './client-support.ts';
import { renderExample } from './example-mails.ts';

type Baseline = Record<string, { clients: string[]; why: string }>;

const baseline: Baseline = JSON.parse(
  readFileSync(new URL('./client-support-baseline.json', import.meta.url), 'utf8'),
);

/** "feature: client" for each pair in `report` that `known` does not list. */
const beyond = (report: ClientSupportReport, known: (feature: string) => readonly string[]) =>
  Object.entries(report).flatMap(([feature, clients]) =>
    clients.filter((client) => !known(feature).includes(client)).map((client) => `${feature}: ${client}`),
  );

const example = await renderExample();
// Variants differ only in their links' addresses and words: one per language covers their markup.
const reports = READER_LANGUAGES.map((language) => ({
  language,
  report: clientSupportReport(example.mail(language, language === 'fr' ? 'universal' : 'deezer').html),
}));

describe("the mail's HTML and CSS against caniemail, for Gmail, Apple Mail, Outlook and Yahoo", () => {
  it.each(reports)('uses nothing those clients lack beyond the baseline ($language)', ({ report }) => {
    expect(
      beyond(report, (feature) => baseline[feature]?.clients ?? []),
      'new unsupported features (feature: client): use another way, or add them to client-support-baseline.json with why',
    ).toEqual([]);
  });

  it('keeps in the baseline only what the mail still uses, each with why, sorted', () => {
    const used = (feature: string) => reports.flatMap(({ report }) => report[feature] ?? []);
    const stale = beyond(
      Object.fromEntries(Object.entries(baseline).map(([feature, entry]) => [feature, entry.clients])),
      used,
    );
    expect(stale, 'no longer in the mail: remove from client-support-baseline.json').toEqual([]);
    for (const [feature, entry] of Object.entries(baseline))
      expect(entry.why.length, feature).toBeGreaterThan(20);
    // Sorted, so a regenerated or hand-edited baseline reads as a small diff.
    expect(Object.keys(baseline)).toEqual(Object.keys(baseline).sort());
    for (const [feature, { clients }] of Object.entries(baseline))
      expect(clients, feature).toEqual([...clients].sort());
  });

  it('names the feature and the client when a template change adds one they lack', () => {
    const html = example
      .mail('fr', 'universal')
      .html.replace('<h1 ', '<h1 style="background-image: url(https://images.example.org/paper.png);" ');
    const added = beyond(clientSupportReport(html), (feature) => baseline[feature]?.clients ?? []);
    expect(added).toEqual(['background-image: outlook.windows', 'background-image: outlook.windows-mail']);
  });
});
