import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { apiBundleAliases } from '../infra/bundling/aliases.ts';
import { bundleLikeLambda } from './lambda-bundle.ts';
import { alternate, ratios } from './rounds.ts';

// What the API function reads at import; values are placeholders, nothing is called at import time.
const lambdaEnv = {
  AWS_REGION: 'eu-west-3',
  AWS_SESSION_TOKEN: 'placeholder-session-token',
  TABLE_NAME: 'dimanche',
  RENDER_FUNCTION_NAME: 'render',
  SENDER_ADDRESS: 'sunday@newsletter.example.com',
  SENDER_NAME: 'Online Sunday Morning Sound',
  SECRETS_ARN: 'arn:aws:secretsmanager:eu-west-3:123456789012:secret:dimanche',
  PUBLIC_BASE_URL: 'https://newsletter.example.com',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

type Import = { ms: number; cpuMs: number };

/** `import()` of a bundle in a fresh Node process: what a cold start pays before the first request. */
const coldImport = (file: string): Import => {
  const script = [
    'const t = performance.now(); const c = process.cpuUsage();',
    `await import(${JSON.stringify(pathToFileURL(file).href)});`,
    'const u = process.cpuUsage(c);',
    'process.stdout.write(JSON.stringify({ ms: performance.now() - t, cpuMs: (u.user + u.system) / 1000 }));',
  ].join(' ');
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...lambdaEnv },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`import of ${file} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Import;
};

/**
 * The API function's bundle vs a bare Hono + lib-dynamodb bundle, built with the same esbuild settings. Each
 * round imports each bundle once in its own fresh process, alternately; two imports of each first warm the
 * file cache (a Lambda cold start reads its code from local disk too).
 */
export const bundleAndColdStart = async ({ rounds }: { rounds: number }) => {
  const dir = mkdtempSync(join(tmpdir(), 'dimanche-bench-'));
  const api = join(dir, 'api', 'index.mjs');
  const bare = join(dir, 'bare', 'index.mjs');
  await bundleLikeLambda('functions/lambda/api.ts', api, apiBundleAliases);
  await bundleLikeLambda('bench/fixtures/bare-api.ts', bare);
  for (let i = 0; i < 2; i += 1) [api, bare].forEach(coldImport);
  const pairs = await alternate(rounds, async (which) => coldImport(which === 'ours' ? api : bare));
  return {
    apiBytes: statSync(api).size,
    bareBytes: statSync(bare).size,
    apiMs: pairs.map((p) => p.ours.ms),
    bareMs: pairs.map((p) => p.bare.ms),
    ratio: ratios(pairs, (ours, b) => ours.ms / b.ms),
    cpuRatio: ratios(pairs, (ours, b) => ours.cpuMs / b.cpuMs),
  };
};
