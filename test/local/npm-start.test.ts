import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, type Running, runScript, waitForOutput } from '../support/processes.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'dimanche-smoke-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const freshPorts = async () => {
  const [port, dynamoPort, sesPort] = await Promise.all([freePort(), freePort(), freePort()]);
  return {
    DATA_DIR: dataDir,
    PORT: String(port),
    DYNAMODB_PORT: String(dynamoPort),
    SES_PORT: String(sesPort),
    LOG_LEVEL: 'warn',
  };
};

const startLocalStack = async (env: Record<string, string>) => {
  const port = env.PORT;
  const sesPort = env.SES_PORT;
  const stack = runScript('infra/local/cli/start.ts', [], env);
  await waitForOutput(stack, 'Ctrl-C stops everything');
  return { stack, env, api: `http://127.0.0.1:${port}`, ses: `http://127.0.0.1:${sesPort}` };
};

const stop = async (stack: Running) => {
  stack.child.kill('SIGINT');
  return stack.exited;
};

describe('npm start, as a user runs it', () => {
  it('starts every stand-in, takes a signed post, previews it, stops cleanly and keeps the data', async () => {
    const first = await startLocalStack(await freshPorts());
    expect(first.stack.output()).toContain(first.api);
    expect(first.stack.output()).toContain(first.ses);
    expect(await (await fetch(`${first.api}/health`)).json()).toEqual({ ok: true });
    expect((await fetch(first.ses)).status).toBe(200);
    // A path nothing serves: the outer server answers like the app, problem+json with the security headers.
    const unknown = await fetch(`${first.api}/no-such-page`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.headers.get('x-content-type-options')).toBe('nosniff');
    expect(unknown.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await unknown.json()).toMatchObject({ status: 404, title: 'Not Found' });

    const post = runScript('infra/local/cli/post.ts', ['examples/sunday-morning-sound-34.json'], {
      ...first.env,
      API_URL: first.api,
    });
    expect(await post.exited).toBe(0);
    expect(post.output()).toContain('201 Created');
    const previewFile = join(dataDir, 'previews', 'iss_34-r1.html');
    expect(existsSync(previewFile)).toBe(true);
    const preview = readFileSync(previewFile, 'utf8');
    expect(preview).toContain('La Javanaise');
    expect(preview).toContain('d’Avignon');

    expect(await stop(first.stack)).toBe(0);
    expect(first.stack.output()).toContain('Stopped.');

    const second = await startLocalStack(first.env);
    const { adminToken } = JSON.parse(readFileSync(join(dataDir, 'local-secrets.json'), 'utf8')) as {
      adminToken: string;
    };
    const kept = await fetch(`${second.api}/admin/issues/iss_34/preview`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(kept.status).toBe(200);
    // Not byte for byte: the music worker may have re-rendered with resolved links, or added warnings, since.
    const keptHtml = await kept.text();
    expect(keptHtml).toContain('La Javanaise');
    expect(keptHtml).toContain('d’Avignon');
    expect(await stop(second.stack)).toBe(0);
  }, 90_000);
});
