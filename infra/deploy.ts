import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { checkSynth } from './check-synth.ts';
import { contextArgs, planDeploy } from './deploy-plan.ts';

/**
 * `npm run deploy -- -c key=value ...`: checks the deployment settings (docs/deploy.md lists them), prints
 * them, synthesizes the stack with the cdk-nag checks, then runs the pinned `cdk deploy` with the same
 * arguments and, once deployed, `npm run doctor`. `--check` stops after the synth.
 */
const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const { context } = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};
const argv = args.filter((arg) => arg !== '--check');
const plan = planDeploy(argv, context, process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION']);

if (!plan.ok) {
  process.stderr.write(`Not deploying:\n${plan.problems.map((p) => `  - ${p}\n`).join('')}`);
  process.exit(1);
}
const width = Math.max(...plan.summary.map(([label]) => label.length));
process.stdout.write(
  `Deploying Dimanche with:\n${plan.summary.map(([k, v]) => `  ${k.padEnd(width)}  ${v}\n`).join('')}`,
);
const synthProblem = checkSynth({ ...context, ...contextArgs(argv) });
if (synthProblem !== undefined) {
  process.stderr.write(
    `Not deploying: the stack does not synthesize with these settings:\n${synthProblem}\n`,
  );
  process.exit(1);
}
process.stdout.write('Synthesized, with no cdk-nag finding left unexplained.\n');
if (checkOnly) process.exit(0);

const env = { ...process.env, CDK_DISABLE_CLI_TELEMETRY: '1', CDK_DISABLE_VERSION_CHECK: '1' };
const cdk = spawnSync('npx', ['cdk', ...plan.cdkArgs], { stdio: 'inherit', env });
if (cdk.status !== 0) process.exit(cdk.status ?? 1);
// The account itself, which no template shows: sandbox, DNS records, quotas (npm run doctor).
const doctor = spawnSync('npx', ['tsx', 'infra/doctor/cli.ts', ...argv], { stdio: 'inherit', env });
process.exit(doctor.status ?? 1);
