import { localSecrets } from './local-secrets.ts';
import { apiUrl, secretsFile } from './paths.ts';

/**
 * `npm run sunday -- [--now] [--dry-run]`: asks the running `npm start` for the Sunday dispatch.
 * It runs for the coming Sunday's issue (today's, on a Sunday), whatever the day and the deadline: a person asked.
 * Without --now it only shows what would go out (a dry run) and when the schedule fires next.
 */
const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => a !== '--now' && a !== '--dry-run');
if (unknown.length) {
  console.error(`Unknown option ${unknown.join(' ')}. Usage: npm run sunday -- [--now] [--dry-run]`);
  process.exit(2);
}
const dryRun = !args.has('--now') || args.has('--dry-run');
const { adminToken } = localSecrets(secretsFile);
const response = await fetch(`${apiUrl}/local/sunday${dryRun ? '?dryRun=1' : ''}`, {
  method: 'POST',
  headers: { authorization: `Bearer ${adminToken}` },
}).catch((error: unknown) => {
  console.error(`Could not reach ${apiUrl}: is \`npm start\` running? (${String(error)})`);
  process.exit(1);
});
const body = (await response.json()) as { result: { kind: string }; nextRuns: string[] };
console.log(JSON.stringify(body, null, 2));
if (dryRun && !args.has('--dry-run'))
  console.log('\nNothing was sent. Run `npm run sunday -- --now` to send now.');
process.exit(response.ok ? 0 : 1);
