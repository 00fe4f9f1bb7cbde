import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, runScript, waitForOutput } from '../support/processes.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'dimanche-blog-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start with her blog', () => {
  it('prints the WordPress.com webhook URL; publishing on the fake blog makes the issue; back issues import', async () => {
    const [port, dynamoPort, sesPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      DYNAMODB_PORT: String(dynamoPort),
      SES_PORT: String(sesPort),
      LOG_LEVEL: 'warn',
    };
    const api = `http://127.0.0.1:${port}`;
    const stack = runScript('infra/local/cli/start.ts', [], env);
    try {
      await waitForOutput(stack, 'Ctrl-C stops everything');
      const { wordpressToken, adminToken } = JSON.parse(
        readFileSync(join(dataDir, 'local-secrets.json'), 'utf8'),
      ) as { wordpressToken: string; adminToken: string };
      expect(wordpressToken.length).toBeGreaterThanOrEqual(43);
      expect(stack.output()).toContain(`${api}/webhooks/wordpress/${wordpressToken}`);

      const publish = runScript(
        'infra/local/cli/blog-cli.ts',
        ['publish', 'examples/wordpress-com/sunday-morning-sound-34.json'],
        env,
      );
      expect(await publish.exited).toBe(0);
      expect(publish.output()).toContain('Webhook → 201');
      const issue = await fetch(`${api}/admin/issues/iss_34/preview`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      expect(issue.status).toBe(200);
      const html = await issue.text();
      expect(html).toContain('Chambre en Provence');
      expect(html).not.toContain('Hellocoton');

      const blog = (JSON.parse(readFileSync(join(dataDir, 'local-blog.json'), 'utf8')) as { url: string })
        .url;
      const imported = runScript(
        'infra/local/cli/import-archive.ts',
        ['karoonline.wordpress.com', '--api', blog],
        { ...env, API_URL: api },
      );
      expect(await imported.exited).toBe(0);
      expect(imported.output()).toContain('2 imported');
      expect((await fetch(`${api}/archive/33-retour-de-bretagne`)).status).toBe(200);
    } finally {
      stack.child.kill('SIGINT');
      await stack.exited;
    }
  }, 90_000);
});
