import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { localSecrets } from './local-secrets.ts';
import { apiUrl, secretsFile } from './paths.ts';

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
const token = process.env.ADMIN_TOKEN ?? localSecrets(secretsFile).adminToken;
const auth = { authorization: `Bearer ${token}` };
const bar = new SingleBar(
  { format: '{bar} {percentage}% | {value}/{total} {unit}', hideCursor: true },
  Presets.shades_classic,
);

const fail = async (response: Response) => {
  console.error(`${response.status} ${response.statusText}\n${await response.text()}`);
  process.exit(1);
};

/** Counts what passes through, for the bar. */
const counting = (step: (chunk: Buffer) => number) =>
  new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bar.increment(step(chunk));
      done(null, chunk);
    },
  });

if (command === 'import') {
  const path = resolve(file);
  const query = new URLSearchParams(
    values.consented ? { mode: 'consented', source: values.source ?? '' } : { mode: 'confirm' },
  );
  bar.start(statSync(path).size, 0, { unit: 'bytes sent' });
  // Streamed: the file is read as the API parses it, never whole in memory on either side.
  const body = Readable.toWeb(
    createReadStream(path).pipe(counting((chunk) => chunk.length)),
  ) as ReadableStream;
  const response = await fetch(`${apiUrl}/admin/subscribers/import?${query}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/csv' },
    body,
    duplex: 'half',
  } as RequestInit);
  bar.stop();
  if (!response.ok) await fail(response);
  const report = (await response.json()) as { invalid: { line: number; detail: string }[] } & Record<
    string,
    unknown
  >;
  console.log(JSON.stringify({ ...report, invalid: report.invalid.length }, null, 2));
  for (const { line, detail } of report.invalid.slice(0, 50)) console.log(`  line ${line}: ${detail}`);
  if (report.invalid.length > 50) console.log(`  … and ${report.invalid.length - 50} more`);
} else {
  const counts = await fetch(`${apiUrl}/admin/subscribers/counts`, { headers: auth });
  if (!counts.ok) await fail(counts);
  const total = ((await counts.json()) as Record<string, number>)[values.status] ?? 0;
  const response = await fetch(
    `${apiUrl}/admin/subscribers/export.csv?status=${encodeURIComponent(values.status)}`,
    { headers: auth },
  );
  if (!response.ok || !response.body) await fail(response);
  bar.start(total, 0, { unit: 'subscribers' });
  const newlines = (chunk: Buffer) => chunk.reduce((n, byte) => (byte === 0x0a ? n + 1 : n), 0);
  let header = true;
  await pipeline(
    Readable.fromWeb(response.body as never),
    counting((chunk) => {
      const lines = newlines(chunk) - (header ? 1 : 0);
      header = false;
      return lines;
    }),
    createWriteStream(resolve(file)),
  );
  bar.stop();
  console.log(`Exported to ${resolve(file)}`);
}
