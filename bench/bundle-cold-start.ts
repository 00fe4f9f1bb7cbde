import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { apiBundleAliases } from '../infra/bundling/aliases.ts';
import { bundleLikeLambda } from './lambda-bundle.ts';
import { median } from './stats.ts';

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

/** Time of `import()` of a bundle in a fresh Node process: what a cold start pays before the first request. */
const coldImportMs = (file: string): number => {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...lambdaEnv },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`import of ${file} failed: ${run.stderr}`);
  return Number(run.stdout);
};

/** The API function's bundle vs a bare Hono + lib-dynamodb bundle, built with the same esbuild settings. */
export const bundleAndColdStart = async (runs = 21) => {
  const dir = mkdtempSync(join(tmpdir(), 'dimanche-bench-'));
  const api = join(dir, 'api', 'index.mjs');
  const bare = join(dir, 'bare', 'index.mjs');
  await bundleLikeLambda('functions/lambda/api.ts', api, apiBundleAliases);
  await bundleLikeLambda('bench/fixtures/bare-api.ts', bare);
  const apiTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    // Interleaved, so a busy moment on the machine hits both sides alike.
    apiTimes.push(coldImportMs(api));
    bareTimes.push(coldImportMs(bare));
  }
  const apiMs = median(apiTimes);
  const bareMs = median(bareTimes);
  return {
    apiBytes: statSync(api).size,
    bareBytes: statSync(bare).size,
    apiMs,
    bareMs,
    ratio: apiMs / bareMs,
  };
};
