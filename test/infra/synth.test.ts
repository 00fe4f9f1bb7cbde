import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from './template.ts';

// The real CLI with real bundling: what `npm run synth` and a deploy do, offline. ~10 s on two cores.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const offline = {
  CDK_DISABLE_CLI_TELEMETRY: '1',
  CDK_DISABLE_VERSION_CHECK: '1',
  AWS_EC2_METADATA_DISABLED: 'true',
  NO_COLOR: '1',
};

type Run = { code: number; stdout: string; stderr: string };
const run = (
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Run> =>
  new Promise((resolve) => {
    execFile(command, args, { ...options, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

let outDir: string;
let synth: Run;
let resources: Record<string, Resource>;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'dimanche-synth-'));
  synth = await run('npx', ['cdk', 'synth', '--no-notices', '-q', '-o', outDir], {
    cwd: repoRoot,
    env: { ...process.env, ...offline },
  });
  if (synth.code === 0) {
    resources = JSON.parse(readFileSync(join(outDir, 'Dimanche.template.json'), 'utf8')).Resources;
  }
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const RENDER = 'Functions/Render/Function';
/** What the Lambda runtime itself sets in every function (reserved variables), with placeholder values. */
const lambdaRuntimeEnv = {
  AWS_REGION: 'eu-west-3',
  AWS_ACCESS_KEY_ID: 'placeholder-key-id',
  AWS_SECRET_ACCESS_KEY: 'placeholder-secret',
  AWS_SESSION_TOKEN: 'placeholder-token',
  AWS_LAMBDA_FUNCTION_NAME: 'placeholder-function',
};
/** The function whose construct path is `Dimanche/<path>/Resource`, e.g. `Functions/Api/Function`. */
const fn = (path: string): Resource => {
  const found = Object.values(resources).find(
    (r) => r.Metadata?.['aws:cdk:path'] === `Dimanche/${path}/Resource`,
  );
  if (!found) throw new Error(`No function at ${path} in the template`);
  return found;
};
/** Every function of the template, by path: a function added later is bundled and checked like the rest. */
const functionPaths = (): string[] =>
  Object.values(resources)
    .filter((r) => r.Type === 'AWS::Lambda::Function')
    .map((r) => String(r.Metadata?.['aws:cdk:path']).replace(/^Dimanche\/|\/Resource$/g, ''));
const assetDir = (path: string) => join(outDir, String(fn(path).Metadata?.['aws:asset:path']));
const bundledSources = (path: string): string[] =>
  JSON.parse(readFileSync(join(assetDir(path), 'index.mjs.map'), 'utf8')).sources;

describe('cdk synth with the pinned CLI, offline', () => {
  it('exits 0 and writes the whole stack', () => {
    expect(synth.code, synth.stderr).toBe(0);
    const types = Object.values(resources).map((r) => r.Type);
    for (const type of [
      'AWS::DynamoDB::Table',
      'AWS::SecretsManager::Secret',
      'AWS::ApiGatewayV2::Api',
      'AWS::ApiGatewayV2::Route',
      'AWS::ApiGatewayV2::Stage',
    ]) {
      expect(types).toContain(type);
    }
    // API, admin, render, redirect; the delivery functions: dispatch, sender, SES events, social; music;
    // the daily deliverability check; the CDN's invalidation worker; the hourly accounts refresh.
    expect(types.filter((t) => t === 'AWS::Lambda::Function')).toHaveLength(12);
  });

  it('bundles each function as index.mjs that defines require first, with a source map', () => {
    expect(functionPaths()).toHaveLength(12);
    for (const path of functionPaths()) {
      expect(readdirSync(assetDir(path)), path).toEqual(
        expect.arrayContaining(['index.mjs', 'index.mjs.map']),
      );
      const head = readFileSync(join(assetDir(path), 'index.mjs'), 'utf8').slice(0, 200);
      expect(head, path).toMatch(/^import \{ createRequire as \w+ \} from 'node:module'; const require = /);
    }
  });

  it('puts the email templates next to the render bundle, and MJML in no other bundle', () => {
    const templates = readdirSync(join(repoRoot, 'emails/templates')).sort();
    expect(templates.length).toBeGreaterThan(0);
    expect(readdirSync(join(assetDir(RENDER), 'templates')).sort()).toEqual(templates);
    expect(bundledSources(RENDER).some((s) => s.includes('node_modules/mjml-core/'))).toBe(true);
    // The music worker and the click redirect included: neither renders, and MJML would slow their cold start.
    for (const path of functionPaths().filter((p) => p !== RENDER)) {
      expect(
        bundledSources(path).filter((s) => /node_modules\/(mjml|juice|cheerio)/.test(s)),
        path,
      ).toEqual([]);
    }
  });

  it("bundles the API's credentials from the environment only: no STS, SSO nor metadata clients", () => {
    const api = functionPaths().find((p) => p.includes('/Api/'));
    expect(api).toBeDefined();
    const sources = bundledSources(api as string);
    expect(sources.some((s) => s.includes('node_modules/@aws-sdk/credential-provider-env/'))).toBe(true);
    expect(
      sources.filter((s) =>
        /node_modules\/@aws-sdk\/(credential-provider-node|nested-clients|credential-provider-sso)\//.test(s),
      ),
    ).toEqual([]);
  });

  it('bundles none of her mails into the public function (WordPress.com notifications are the admin one’s)', () => {
    const api = functionPaths().find((p) => p.includes('/Api/'));
    const admin = functionPaths().find((p) => p.includes('/Admin/'));
    const hers = (s: string) => /(^|\/)emails\/(author-|generated\/author-)|node_modules\/mustache\//.test(s);
    expect(bundledSources(api as string).filter(hers)).toEqual([]);
    expect(bundledSources(admin as string).some(hers)).toBe(true);
  });

  it("bundles cheerio's slim entry only: no parse5, no second cheerio, no TypeScript", () => {
    const sources = bundledSources(RENDER);
    expect(sources.filter((s) => s.includes('node_modules/typescript/'))).toEqual([]);
    expect(sources.filter((s) => /node_modules\/(parse5|juice\/node_modules\/cheerio)\//.test(s))).toEqual(
      [],
    );
  });

  it('starts each bundle with exactly the environment the stack gives it', async () => {
    // References become placeholders; each module reads its config, builds its clients (and the render step
    // reads its templates) at import: a setting the stack forgot fails here, not at the first cold start.
    for (const path of functionPaths()) {
      const variables = (fn(path).Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      const env = Object.fromEntries(
        Object.entries(variables).map(([key, value]) => [
          key,
          typeof value === 'string'
            ? value
            : // An ARN's reference stands in as an ARN, so a loader that checks the shape (arn:…) sees one.
              key.endsWith('_ARN')
              ? `arn:aws:placeholder:eu-west-3:000000000000:${key}`
              : `placeholder-${key}`,
        ]),
      );
      const started = await run(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          "const m = await import('./index.mjs'); console.log(typeof m.handler);",
        ],
        { cwd: assetDir(path), env: { ...env, ...lambdaRuntimeEnv, PATH: process.env.PATH } },
      );
      expect(started.stderr, path).not.toMatch(/Error/);
      expect(started.stdout.trim(), path).toBe('function');
    }
  }, 60_000);
});
