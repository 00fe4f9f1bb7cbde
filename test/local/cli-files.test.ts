import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailsTo } from '../support/mail-store.ts';
import { runScript } from '../support/processes.ts';
import { ADMIN_TOKEN } from '../support/signed-request.ts';
import { admin, testApp } from '../support/test-app.ts';
import { idOf, type TestApp, uniqueAddress } from '../subscribers/support.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'dimanche-cli-files-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const run = async (script: string, args: string[], env: Record<string, string> = {}) => {
  const running = runScript(script, args, { DATA_DIR: dataDir, API_URL: 'http://127.0.0.1:9', ...env });
  return { code: await running.exited, output: running.output() };
};

/** What a person should see: one plain line, no stack frame, no errno. */
const expectOneLine = (output: string, ...parts: string[]) => {
  const lines = output.trim().split('\n');
  expect(lines, output).toHaveLength(1);
  expect(output).not.toMatch(/^\s+at |ENOENT|EISDIR|Error:/m);
  for (const part of parts) expect(output).toContain(part);
};

describe('a CLI given a file it cannot read', () => {
  it('says so in one plain line and exits 1, whichever CLI and whatever the file', async () => {
    const results = await Promise.all([
      run('infra/local/cli/post.ts', ['missing.json']),
      run('infra/local/cli/subscribers-cli.ts', ['import', 'missing.csv', '--confirm']),
      run('infra/local/cli/blog-cli.ts', ['publish', 'missing.json']),
      run('infra/local/cli/import-archive.ts', ['./export.xml']),
      run('infra/local/cli/check-spam.ts', ['missing.json']),
      run('infra/local/cli/subscribers-cli.ts', ['import', 'examples', '--consented', '--source', 'x']),
      run('infra/local/cli/post.ts', ['README.md']),
    ]);
    const [post, subscribers, blog, archive, spam, folder, notJson] = results;
    for (const result of results) expect(result.code, result.output).toBe(1);
    expectOneLine(post?.output ?? '', 'Cannot read missing.json: there is no such file.');
    expectOneLine(subscribers?.output ?? '', 'Cannot read missing.csv: there is no such file.');
    expectOneLine(blog?.output ?? '', 'Cannot read missing.json');
    expectOneLine(archive?.output ?? '', './export.xml', 'not a file');
    expectOneLine(spam?.output ?? '', 'Cannot read missing.json');
    expectOneLine(folder?.output ?? '', 'Cannot read examples: it is a folder, not a file.');
    expectOneLine(notJson?.output ?? '', 'README.md is not JSON');
  }, 60_000);
});

describe('npm run subscribers -- import, against the admin API', () => {
  let t: TestApp;
  let server: Server;
  let api: string;
  beforeAll(async () => {
    t = await testApp();
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    await new Promise((done) => server.once('listening', done));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((done) => server.close(done)));

  const importFile = async (csv: string, ...args: string[]) => {
    const file = join(dataDir, `readers-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(file, csv);
    return run('infra/local/cli/subscribers-cli.ts', ['import', file, ...args], {
      API_URL: api,
      ADMIN_TOKEN,
    });
  };

  it('imports nobody and mails nobody from a file whose last line opens a quote it never closes', async () => {
    const [a, b, c] = [uniqueAddress('cli'), uniqueAddress('cli'), uniqueAddress('cli')];
    const csv = `email,name\n${a},Léa\n${b},Marc\n${c},"Sam\n`;
    const [confirm, consented] = await Promise.all([
      importFile(csv, '--confirm'),
      importFile(csv, '--consented', '--source', 'salon'),
    ]);
    for (const result of [confirm, consented]) {
      expect(result.code, result.output).toBe(1);
      expect(result.output).toContain('was not imported.');
      expect(result.output).toContain(
        'line 4, column name: a quote opens a field and is never closed. Nothing was imported and no one was mailed.',
      );
      expect(result.output).not.toMatch(/^\s+at /m);
    }
    for (const address of [a, b, c]) {
      expect(await t.subscribers.get(idOf(address))).toBeUndefined();
      expect(await mailsTo(address)).toEqual([]);
    }
    const counts = await (await t.app.request('/admin/subscribers/counts', admin)).json();
    expect(counts).toEqual({ pending: 0, confirmed: 0, unsubscribed: 0, suppressed: 0 });
  }, 60_000);

  it('imports the good rows of a file with bad ones and lists each bad one by its line', async () => {
    const [a, b] = [uniqueAddress('cli'), uniqueAddress('cli')];
    // Row 3 spans lines 3–4 (a name on two lines is refused), so the bad language is on line 6.
    const csv = `email,name,language\r\n${a},Léa,fr\r\n${b},"Marc\r\nAntoine",fr\r\n\r\nnot-an-address,Sam,fr\r\n${uniqueAddress()},Zoé,de\r\n`;
    const result = await importFile(csv, '--consented', '--source', 'salon');
    expect(result.code, result.output).toBe(0);
    const lines = result.output.trim().split('\n').slice(1);
    expect(lines[0]).toMatch(/^readers-\w+\.csv: 4 rows read, 1 added, 0 already there, 0 duplicates/);
    expect(lines.slice(1)).toEqual([
      '3 lines refused. Fix them and import the file again: those added stay as they are and get no second mail.',
      '  line 3: name: must be one line of at most 100 characters',
      '  line 6: email: must be a valid email address',
      '  line 7: language: must be fr or en',
    ]);
    expect(await t.subscribers.get(idOf(a))).toMatchObject({ status: 'confirmed', name: 'Léa' });
  }, 60_000);

  it('says in one line that an export cannot be written where it was asked', async () => {
    const out = join(dataDir, 'no', 'such', 'folder', 'out.csv');
    const result = await run('infra/local/cli/subscribers-cli.ts', ['export', out], {
      API_URL: api,
      ADMIN_TOKEN,
    });
    expect(result.code, result.output).toBe(1);
    expectOneLine(result.output, `Cannot write ${out}: its folder does not exist.`);
  }, 60_000);
});
