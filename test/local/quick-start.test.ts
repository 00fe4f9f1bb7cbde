import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, type Running, runScript, waitForOutput } from '../support/processes.ts';
import { sundayFromNow } from '../support/real-clock.ts';

/**
 * The README's quick start, word for word, on whatever day the machine's clock says (CI runs it a year ahead and
 * on a Sunday at 08:59 too): `npm start` reads the real clock, so every date here comes from it.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'dimanche-quick-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Env = Record<string, string>;

const run = async (script: string, args: string[], env: Env) => {
  const running = runScript(script, args, env);
  return { code: await running.exited, output: running.output() };
};

const until = async <T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> => {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

type Stored = { emails: { destination: { to: string[] }; subject: string }[] };

describe('the README quick start, on any day', () => {
  let stack: Running | undefined;
  afterAll(async () => {
    stack?.child.kill('SIGINT');
    await stack?.exited;
  });

  it('explains an empty Sunday, sends #34 with six posts, then #35 by number, and the archive shows both', async () => {
    const [port, dynamoPort, sesPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const env: Env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      DYNAMODB_PORT: String(dynamoPort),
      SES_PORT: String(sesPort),
      LOG_LEVEL: 'warn',
    };
    const api = `http://127.0.0.1:${port}`;
    const ses = `http://127.0.0.1:${sesPort}`;
    const cli = { ...env, API_URL: api };
    stack = runScript('infra/local/cli/start.ts', [], env);
    await waitForOutput(stack, 'Ctrl-C stops everything', 60_000);

    const empty = await run('infra/local/cli/sunday.ts', ['--now'], cli);
    expect(empty.output).toContain('Nothing was sent: no issue is planned for Sunday');
    expect(empty.output).toContain('There is no issue yet');

    const first = await run('infra/local/cli/post.ts', ['examples/sunday-morning-sound-34.json'], cli);
    expect(first.code).toBe(0);
    expect(first.output).toContain('201 Created');
    expect(first.output).toContain(`"sunday": "${sundayFromNow(0)}"`);

    const imported = await run(
      'infra/local/cli/subscribers-cli.ts',
      ['import', 'examples/readers.csv', '--consented', '--source', 'exemple'],
      cli,
    );
    expect(imported.code, imported.output).toBe(0);

    const readers = ['lea@example.org', 'marc@example.org', 'sam@example.org'];
    const sent = await run('infra/local/cli/sunday.ts', ['--now'], cli);
    expect(sent.code, sent.output).toBe(0);
    expect(sent.output).toContain('"kind": "dispatched"');
    const mailsTo = async (subjectPart: string) => {
      const store = (await (await fetch(`${ses}/store`)).json()) as Stored;
      return store.emails
        .filter((mail) => mail.subject.includes(subjectPart))
        .flatMap((mail) => mail.destination.to)
        .map((to) => /<([^>]+)>/.exec(to)?.[1] ?? to)
        .filter((to) => readers.includes(to)) // the author's own notes name the issue too
        .sort();
    };
    await until('the three mails of #34', async () =>
      (await mailsTo('#34')).length >= 3 ? true : undefined,
    );
    expect(await mailsTo('#34')).toEqual(readers);

    const { adminToken } = JSON.parse(readFileSync(join(dataDir, 'local-secrets.json'), 'utf8')) as {
      adminToken: string;
    };
    const campaign = async (id: string) =>
      (await (
        await fetch(`${api}/admin/campaigns/${id}`, { headers: { authorization: `Bearer ${adminToken}` } })
      ).json()) as { social?: { network: string; state: string }[] };
    const published = await until('six social posts', async () => {
      const posts = (await campaign('cmp_34')).social?.filter((a) => a.state === 'published') ?? [];
      return posts.length === 6 ? posts : undefined;
    });
    expect(published.map((p) => p.network).sort()).toHaveLength(6);

    const again = await run('infra/local/cli/sunday.ts', ['--now'], cli);
    expect(again.output).toContain('Not sent again: iss_34 already went out with campaign cmp_34');

    // Written ahead: the coming Sunday is #34's, so #35 takes the one after it.
    const second = await run('infra/local/cli/post.ts', ['examples/sunday-morning-sound-35.json'], cli);
    expect(second.code, second.output).toBe(0);
    expect(second.output).toContain(`"sunday": "${sundayFromNow(1)}"`);

    const unknown = await run('infra/local/cli/sunday.ts', ['--now', '--issue', '99'], cli);
    expect(unknown.output).toContain('there is no issue #99');
    expect(unknown.output).toContain(`#35 (${sundayFromNow(1)}`);

    const byNumber = await run('infra/local/cli/sunday.ts', ['--now', '--issue', '35'], cli);
    expect(byNumber.output).toContain('"kind": "dispatched"');
    await until('the three mails of #35', async () =>
      (await mailsTo('#35')).length >= 3 ? true : undefined,
    );
    expect(await mailsTo('#35')).toEqual(readers);
    const twice = await run('infra/local/cli/sunday.ts', ['--now', '--issue', '35'], cli);
    expect(twice.output).toContain('already went out with campaign cmp_35');

    const archive = await (await fetch(`${api}/archive`)).text();
    expect(archive).toContain('Chambre en Provence');
    expect(archive).toContain('Neige sur la Croix-Rousse');
  }, 180_000);
});
