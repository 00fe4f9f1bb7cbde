import { createWriteStream } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { exitWith, readCliFile, writeFailure } from './cli-file.ts';
import { type ApiReport, importReportLines, problemLines } from './import-report-lines.ts';
import { localSecrets } from '../runtime/local-secrets.ts';
import { apiUrl, secretsFile } from '../paths.ts';

const USAGE = `Usage:
  npm run subscribers -- import FILE.csv (--consented --source "blog 2024" | --confirm)
  npm run subscribers -- export FILE.csv [--status confirmed|pending|unsubscribed]
Talks to the admin API of \`npm start\` (API_URL, token ADMIN_TOKEN or .data/local-secrets.json).`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    consented: { type: 'boolean', default: false },
    confirm: { type: 'boolean', default: false },
    source: { type: 'string' },
    status: { type: 'string', default: 'confirmed' },
  },
});
const [command, file] = positionals;
if (
  !file ||
  (command !== 'import' && command !== 'export') ||
  (command === 'import' && values.consented === values.confirm)
) {
  console.error(USAGE);
  process.exit(2);
}
// Read before anything else: a wrong path needs no running stack to be told, in one line.
const csv = command === 'import' ? readCliFile(file) : undefined;
const token = process.env.ADMIN_TOKEN ?? localSecrets(secretsFile).adminToken;
const auth = { authorization: `Bearer ${token}` };
const bar = new SingleBar(
  { format: '{bar} {percentage}% | {value}/{total} {unit}', hideCursor: true },
  Presets.shades_classic,
);

const reach = (url: string, init?: RequestInit) =>
  fetch(url, init).catch(() => exitWith(`Could not reach ${apiUrl}: is \`npm start\` running?`));

const fail = async (response: Response): Promise<never> => {
  const text = await response.text();
  try {
    for (const line of problemLines(JSON.parse(text))) console.error(line);
  } catch {
    console.error(`${response.status} ${response.statusText}: ${text.slice(0, 300)}`);
  }
  process.exit(1);
};

if (csv) {
  const query = new URLSearchParams(
    values.consented ? { mode: 'consented', source: values.source ?? '' } : { mode: 'confirm' },
  );
  // The API reads the whole file before it writes anything (at most 4 MiB): a broken file imports no one.
  console.log(
    `Importing ${basename(file)}: the whole file is checked first, then written (about 1,000 a second locally)…`,
  );
  const response = await reach(`${apiUrl}/admin/subscribers/import?${query}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/csv' },
    body: csv,
  });
  if (!response.ok) {
    console.error(`${basename(file)} was not imported.`);
    await fail(response);
  }
  const report = (await response.json()) as ApiReport;
  for (const line of importReportLines(file, report)) console.log(line);
} else {
  const counts = await reach(`${apiUrl}/admin/subscribers/counts`, { headers: auth });
  if (!counts.ok) await fail(counts);
  const total = ((await counts.json()) as Record<string, number>)[values.status] ?? 0;
  const response = await reach(
    `${apiUrl}/admin/subscribers/export.csv?status=${encodeURIComponent(values.status)}`,
    { headers: auth },
  );
  if (!response.ok || !response.body) await fail(response);
  bar.start(total, 0, { unit: 'subscribers' });
  const newlines = (chunk: Buffer) => chunk.reduce((n, byte) => (byte === 0x0a ? n + 1 : n), 0);
  let header = true;
  const counting = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bar.increment(newlines(chunk) - (header ? 1 : 0));
      header = false;
      done(null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(response.body as never), counting, createWriteStream(resolve(file))).catch(
    (error: unknown) => {
      bar.stop();
      exitWith(writeFailure(file, error));
    },
  );
  bar.stop();
  console.log(`Exported to ${resolve(file)}`);
}
