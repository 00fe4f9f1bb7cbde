import { localSecrets } from '../runtime/local-secrets.ts';
import { apiUrl, secretsFile } from '../paths.ts';
import { explainSunday, type SundayAnswer } from './sunday-explained.ts';

/**
 * `npm run sunday -- [--now] [--dry-run] [--issue N]`: asks the running `npm start` for the Sunday dispatch.
 * It runs for the coming Sunday's issue (today's, on a Sunday), or issue N, whatever the day and the deadline:
 * a person asked. Without --now it only shows what would go out (a dry run) and when the schedule fires next.
 */
const usage = 'Usage: npm run sunday -- [--now] [--dry-run] [--issue N]';
const args = process.argv.slice(2);
const flags = new Set<string>();
let issue: string | undefined;
for (let i = 0; i < args.length; i += 1) {
  const arg = args[i] ?? '';
  if (arg === '--issue') issue = args[(i += 1)];
  else if (arg.startsWith('--issue=')) issue = arg.slice('--issue='.length);
  else if (arg === '--now' || arg === '--dry-run') flags.add(arg);
  else {
    console.error(`Unknown option ${arg}. ${usage}`);
    process.exit(2);
  }
}
if (issue !== undefined && !/^[1-9]\d*$/.test(issue)) {
  console.error(`--issue takes an issue number, such as 34. ${usage}`);
  process.exit(2);
}
const dryRun = !flags.has('--now') || flags.has('--dry-run');
const query = new URLSearchParams({ ...(dryRun ? { dryRun: '1' } : {}), ...(issue ? { issue } : {}) });
const { adminToken } = localSecrets(secretsFile);
const response = await fetch(`${apiUrl}/local/sunday?${query}`, {
  method: 'POST',
  headers: { authorization: `Bearer ${adminToken}` },
}).catch((error: unknown) => {
  console.error(`Could not reach ${apiUrl}: is \`npm start\` running? (${String(error)})`);
  process.exit(1);
});
const body = (await response.json()) as SundayAnswer;
console.log(JSON.stringify(body, null, 2));
const explanation = explainSunday(body, { dryRun, asked: flags.has('--dry-run') });
if (explanation) console.log(`\n${explanation}`);
process.exit(response.ok ? 0 : 1);
