import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import { startSocialFakes } from '../../infra/local/social/start-social-fakes.ts';
import { queryAll } from '../../shared/adapters/dynamodb/query-all.ts';
import { dynamoSubscriberStore } from '../../shared/adapters/dynamodb/subscriber-store.ts';
import type { CampaignCounts, LedgerState } from '../../shared/domain/campaign.ts';
import { SOCIAL_NETWORKS, type SocialNetwork } from '../../shared/domain/social/networks.ts';
import { freePort, runScript } from '../support/processes.ts';
import { type Stack, startStack } from './killable-stack.ts';
import { sesGate } from './ses-gate.ts';

/**
 * How many readers the crash test's Sunday has:
 * `CRASH_READERS=3000 npx vitest run --config vitest.e2e.config.ts test/e2e/campaign-crash.test.ts`.
 */
export const AUDIENCE = ((raw: string | undefined) => {
  const n = Number(raw ?? '500');
  if (!Number.isInteger(n) || n < 20 || n > 100_000)
    throw new Error(`CRASH_READERS must be a whole number from 20 to 100000, not ${raw}`);
  return n;
})(process.env.CRASH_READERS);
export const MAX_SENDERS = 2;

/**
 * The slowest send rate the test budgets for (mails a second), well under what a busy 2-core machine does
 * (~53/s measured with 3,000 readers): it sizes each case's overall time limit only. The waits themselves
 * follow the rate they measure (see `untilProgress`).
 */
const FLOOR_RATE = 15;

/** One case: starting, importing and posting (a fixed part), then at most two full sends at the floor rate. */
export const CASE_TIMEOUT_MS = 60_000 + Math.ceil((2 * AUDIENCE * 1000) / FLOOR_RATE);
/**
 * When the social worker looks for a post whose call went unanswered: past a whole case, so that "killed after
 * the last mail, a post awaiting its check" finds it still awaiting at any audience and any send rate; after
 * the restart, the announcement put back is looked for at once. (With the usual 60 s, 3,000 readers sent at
 * under 50 mails/s went out after the check had found the post; 60 s plus a send at the floor rate was not
 * enough either with five test runs on two cores, at ~10 mails/s.)
 */
const SOCIAL_RECHECK_SECONDS = Math.ceil(CASE_TIMEOUT_MS / 1000);
export const AUTHOR = 'autrice@crash.example';
export const CAMPAIGN = 'cmp_34';

export type CampaignView = {
  status: string;
  dispatched: boolean;
  reportedAt?: string;
  counts: CampaignCounts;
  social: { network: SocialNetwork; state: string }[];
};

export type TapMail = { destination: { to: string[] }; subject: string };

export const readerAddress = (i: number) => `reader-${String(i).padStart(5, '0')}@crash.example`;

/** Polls `probe` every `everyMs` until it gives a value; a slow probe (a campaign's counts) polls seldom. */
export const until = async <T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  everyMs = 50,
) => {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, everyMs));
  }
};

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Waits for `probe` to give a value while its count of work done (mails accepted, ledger entries settled)
 * keeps moving: it fails when the count stands still for `stallMs` (a stuck send fails fast, whatever the
 * audience), or past `deadlineMs`, which callers size from the audience and a send rate measured earlier.
 * Gives the rate it measured itself, for the next phase's deadline.
 */
export const untilProgress = async <T>(
  what: string,
  probe: () => Promise<{ count: number; value?: T }>,
  { deadlineMs, everyMs = 100, stallMs = 20_000 }: { deadlineMs: number; everyMs?: number; stallMs?: number },
): Promise<{ value: T; perSecond: number }> => {
  const start = performance.now();
  let first: { count: number; at: number } | undefined;
  let last = { count: -1, at: start };
  for (;;) {
    const { count, value } = await probe();
    const now = performance.now();
    first ??= { count, at: now };
    const perSecond = ((count - first.count) * 1000) / Math.max(1, now - first.at);
    if (value !== undefined) return { value, perSecond };
    if (count > last.count) last = { count, at: now };
    const stuck = now - last.at > stallMs;
    if (stuck || now - start > deadlineMs)
      throw new Error(
        `timed out waiting for ${what}: at ${count} after ${Math.round(now - start)} ms ` +
          `(${stuck ? `no progress for ${stallMs} ms` : `limit ${Math.round(deadlineMs)} ms`}, ${perSecond.toFixed(1)}/s)`,
      );
    await sleep(everyMs);
  }
};

/** Time for `count` mails at `perSecond` (a measured rate, never below the floor), twice over, plus `slackMs`. */
export const sendBudgetMs = (count: number, perSecond: number, slackMs = 15_000) =>
  slackMs + (2 * count * 1000) / Math.max(perSecond, FLOOR_RATE);

/**
 * One Sunday on one machine, set up to be crashed: a data folder and ports of its own, the six fake networks
 * and the mail tap in the test process (they outlive every kill), and `npm start` pointed at them.
 */
export const crashWorld = async (tap: string) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dimanche-crash-'));
  const [port, dynamoPort] = await Promise.all([freePort(), freePort()]);
  const [fakes, gate] = await Promise.all([startSocialFakes(), sesGate(tap)]);
  const accountsFile = join(dataDir, 'fake-social-accounts.json');
  writeFileSync(accountsFile, JSON.stringify(fakes.accounts));
  const api = `http://127.0.0.1:${port}`;
  const env = {
    DATA_DIR: dataDir,
    PORT: String(port),
    DYNAMODB_PORT: String(dynamoPort),
    SES_ENDPOINT: gate.url,
    SOCIAL_ACCOUNTS_FILE: accountsFile,
    SOCIAL_NETWORKS: SOCIAL_NETWORKS.join(','),
    AUTHOR_EMAIL: AUTHOR,
    SEND_RATE: '200',
    MAX_SENDERS: String(MAX_SENDERS),
    // Leases of a few seconds: a restart takes over the dead process's claims and calls without a long wait.
    LOCAL_LEASE_SECONDS: '3',
    LOCAL_SOCIAL_RECHECK_SECONDS: String(SOCIAL_RECHECK_SECONDS),
    LOG_LEVEL: 'error',
    API_URL: api,
  };
  await fetch(`${tap}/clear-store`, { method: 'POST' });
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: `http://127.0.0.1:${dynamoPort}`,
      region: 'eu-west-3',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  let stack: Stack | undefined;

  const adminToken = () =>
    (JSON.parse(readFileSync(join(dataDir, 'local-secrets.json'), 'utf8')) as { adminToken: string })
      .adminToken;

  return {
    gate,
    facebook: fakeControl(fakes.urls.facebook),
    start: async () => void (stack = await startStack(env, [port, dynamoPort])),
    /** SIGKILL to the whole group: no handler runs, nothing is flushed. */
    crash: async () => stack?.kill(),
    /** What the running (or last killed) stack printed: its errors, when a wait times out. */
    output: () => stack?.output() ?? '',
    run: async (script: string, args: string[]) => {
      const running = runScript(script, args, env);
      return { code: await running.exited, output: running.output() };
    },
    /** The CSV import against the running app, as `npm run subscribers -- import` does it. */
    importReaders: async () => {
      const csv = join(dataDir, 'readers.csv');
      const rows = Array.from({ length: AUDIENCE }, (_, i) => `${readerAddress(i)},Reader ${i},fr,`);
      writeFileSync(csv, ['email,name,language,platform', ...rows].join('\n'));
      const running = runScript(
        'infra/local/cli/subscribers-cli.ts',
        ['import', csv, '--consented', '--source', 'crash test'],
        env,
      );
      return { code: await running.exited, output: running.output() };
    },
    campaign: async (): Promise<CampaignView | undefined> => {
      const response = await fetch(`${api}/admin/campaigns/${CAMPAIGN}`, {
        headers: { authorization: `Bearer ${adminToken()}` },
      }).catch(() => undefined);
      return response?.ok ? ((await response.json()) as CampaignView) : undefined;
    },
    /** How many posts each network holds by its own record, whatever the process that made them. */
    postsPerNetwork: async () =>
      Object.fromEntries(
        await Promise.all(
          SOCIAL_NETWORKS.map(async (n) => [n, (await fakeControl(fakes.urls[n]).posts()).length] as const),
        ),
      ) as Record<SocialNetwork, number>,
    /** Each reader's ledger entry, by address, read from the table the stack left. */
    ledger: async () => {
      const subscribers = dynamoSubscriberStore(doc, 'dimanche');
      const addressOf = new Map<string, string>();
      let cursor: string | undefined;
      do {
        const page = await subscribers.listByStatus('confirmed', {
          limit: 100,
          ...(cursor ? { cursor } : {}),
        });
        for (const s of page.items) if ('email' in s) addressOf.set(s.id, s.email);
        cursor = page.cursor;
      } while (cursor);
      const states = new Map<string, LedgerState>();
      for await (const page of queryAll(doc, {
        TableName: 'dimanche',
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :to)',
        ExpressionAttributeValues: { ':pk': `CAMPAIGN#${CAMPAIGN}`, ':to': 'TO#' },
      }))
        for (const item of page.Items ?? [])
          states.set(
            addressOf.get(item.subscriberId as string) ?? `unknown ${String(item.subscriberId)}`,
            item.state as LedgerState,
          );
      return states;
    },
    tapMails: async () => ((await (await fetch(`${tap}/store`)).json()) as { emails: TapMail[] }).emails,
    close: async () => {
      await stack?.kill();
      doc.destroy();
      await Promise.all([fakes.close(), gate.close()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export type CrashWorld = Awaited<ReturnType<typeof crashWorld>>;
