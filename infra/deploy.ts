import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { planDeploy } from './deploy-plan.ts';

/**
 * `npm run deploy -- -c key=value ...`: checks the deployment settings (docs/deploy.md lists them), prints
 * them, then runs the pinned `cdk deploy` with the same arguments. `--check` stops after printing.
 */
const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const { context } = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};
const plan = planDeploy(
  args.filter((arg) => arg !== '--check'),
  context,
);

if (!plan.ok) {
  process.stderr.write(`Not deploying:\n${plan.problems.map((p) => `  - ${p}\n`).join('')}`);
  process.exit(1);
}
const width = Math.max(...plan.summary.map(([label]) => label.length));
process.stdout.write(
  `Deploying Dimanche with:\n${plan.summary.map(([k, v]) => `  ${k.padEnd(width)}  ${v}\n`).join('')}`,
);
if (checkOnly) process.exit(0);

const cdk = spawnSync('npx', ['cdk', ...plan.cdkArgs], {
  stdio: 'inherit',
  env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: '1', CDK_DISABLE_VERSION_CHECK: '1' },
});
process.exit(cdk.status ?? 1);
