import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { archivePosts, archiveTargetProblem } from './archive-source.ts';
import { exitWith } from './cli-file.ts';
import { localSecrets } from '../runtime/local-secrets.ts';
import { apiUrl, secretsFile } from '../paths.ts';

const USAGE = `Usage:
  npm run import-archive -- example.wordpress.com        every post of a WordPress.com (or WordPress) site
  npm run import-archive -- https://example.org/feed/    what an RSS or Atom feed lists
Past posts become issues already sent: in the archive and its feeds, never mailed, never announced.
Running it again changes nothing. Options: --api URL (the blog's REST API; WORDPRESS_API_URL, default
https://public-api.wordpress.com). Talks to the admin API of \`npm start\` (API_URL, token ADMIN_TOKEN or
.data/local-secrets.json), or of the deployed stack with API_URL and ADMIN_TOKEN set.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { api: { type: 'string' } },
});
const [target] = positionals;
if (!target) {
  console.error(USAGE);
  process.exit(2);
}
const problem = archiveTargetProblem(target);
if (problem) exitWith(problem);
const token = process.env.ADMIN_TOKEN ?? localSecrets(secretsFile).adminToken;
const blogApi = values.api ?? process.env.WORDPRESS_API_URL ?? 'https://public-api.wordpress.com';

console.log(`Reading ${target}…`);
const found = await archivePosts(target, {
  apiUrl: blogApi,
  onPage: (page, pages) => console.log(`  page ${page}/${pages}`),
});
if (!found.ok) {
  console.error(`The blog could not be read: ${found.detail}`);
  process.exit(1);
}

const counts = { imported: 0, unchanged: 0, kept: 0, skipped: 0 };
const skipped: string[] = [];
const bar = new SingleBar(
  { format: '{bar} {value}/{total} posts | {imported} imported, {unchanged} already in', hideCursor: true },
  Presets.shades_classic,
);
bar.start(found.posts.length, 0, { imported: 0, unchanged: 0 });
for (const post of found.posts) {
  const response = await fetch(`${apiUrl}/admin/archive/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(post),
  });
  const answer = (await response.json()) as {
    outcome?: keyof typeof counts;
    title?: string;
    detail?: string;
  };
  if (response.ok && answer.outcome && answer.outcome in counts) counts[answer.outcome] += 1;
  else if (response.status === 422 || response.status === 409) {
    counts.skipped += 1;
    skipped.push(answer.detail ?? `HTTP ${response.status}`);
  } else {
    bar.stop();
    console.error(
      `The import stopped (HTTP ${response.status}): ${answer.detail ?? ''}\nRun it again: what is in is kept.`,
    );
    process.exit(1);
  }
  bar.increment(1, { imported: counts.imported, unchanged: counts.unchanged });
}
bar.stop();
console.log(
  `${counts.imported} imported, ${counts.unchanged} already in, ${counts.kept} kept as they were, ${counts.skipped} not back issues.`,
);
for (const reason of skipped) console.log(`  skipped: ${reason}`);
