import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contextArgs, planDeploy } from '../../infra/deploy-plan.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const { context: cdkJson } = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};
const own = [
  ['publicBaseUrl', 'https://dimanche.blog.fr'],
  ['senderAddress', 'dimanche@dimanche.blog.fr'],
  ['authorEmail', 'camille@dimanche.blog.fr'],
  ['operatorEmail', 'ops@dimanche.blog.fr'],
  ['postalAddress', 'Camille D., 3 rue Oberkampf, 75011 Paris, France'],
].flatMap(([key, value]) => ['-c', `${key}=${value}`]);

describe('npm run deploy', () => {
  it("refuses cdk.json's example values and a missing operator address, naming each", () => {
    const plan = planDeploy([], cdkJson, 'eu-west-3');
    expect(plan.ok).toBe(false);
    expect(plan.ok ? [] : plan.problems).toEqual([
      expect.stringMatching(/^operatorEmail is required/),
      expect.stringMatching(/^publicBaseUrl is still an example value/),
      expect.stringMatching(/^senderAddress is still an example value/),
      expect.stringMatching(/^authorEmail is still an example value/),
    ]);
  });

  it("reports what the stack's own checks refuse, before cdk runs", () => {
    const plan = planDeploy([...own, '-c', 'timeZone=Paris', '-c', 'scheduleTime=9h'], cdkJson, 'eu-west-3');
    expect(plan.ok ? [] : plan.problems).toEqual([expect.stringMatching(/timeZone/)]);
    const late = planDeploy([...own, '-c', 'allowedOrigins=http://dimanche.blog.fr'], cdkJson, 'eu-west-3');
    expect(late.ok ? [] : late.problems).toEqual([expect.stringMatching(/allowedOrigins/)]);
  });

  it('runs the pinned cdk deploy with every argument given, once the settings are real', () => {
    const argv = [...own, '--context', 'scheduleTime=08:30', '--profile', 'dimanche'];
    const plan = planDeploy(argv, cdkJson, 'eu-west-3');
    expect(plan).toMatchObject({
      ok: true,
      cdkArgs: [
        'deploy',
        'Dimanche',
        '--no-notices',
        '--require-approval',
        'broadening',
        '--outputs-file',
        'cdk.out/outputs.json',
        ...argv,
      ],
    });
    expect(plan.ok && Object.fromEntries(plan.summary)).toMatchObject({
      sender: 'Online Sunday Morning Sound <dimanche@dimanche.blog.fr>',
      'SES identity': 'dimanche.blog.fr, created by the stack (MAIL FROM bounce.dimanche.blog.fr)',
      schedule: 'SUN 08:30 Europe/Paris, no start after 14:00',
      'postal address': 'Camille D., 3 rue Oberkampf, 75011 Paris, France',
      'allowed origins': '(none: same-origin pages only)',
      'alarms to': 'ops@dimanche.blog.fr',
    });
  });

  it('refuses a region without the secrets extension layer, or none at all, before anything reaches AWS', () => {
    const zurich = planDeploy(own, cdkJson, 'eu-central-2');
    expect(zurich.ok ? [] : zurich.problems).toEqual([
      expect.stringMatching(
        /^region eu-central-2 has no AWS Parameters and Secrets extension layer.*eu-west-3/,
      ),
    ]);
    const pinned = planDeploy(
      [...own, '-c', 'account=123456789012', '-c', 'region=il-central-1'],
      cdkJson,
      'eu-west-3',
    );
    expect(pinned.ok ? [] : pinned.problems).toEqual([expect.stringMatching(/il-central-1/)]);
    const unknown = planDeploy(own, cdkJson, undefined);
    expect(unknown.ok ? [] : unknown.problems).toEqual([
      expect.stringMatching(/region is unknown: set AWS_REGION/),
    ]);
    expect(planDeploy(own, cdkJson, 'eu-west-1').ok).toBe(true);
  });

  it('reads context the way the CDK CLI does', () => {
    expect(
      contextArgs([
        '-c',
        'a=1',
        '--context',
        'b=x=y',
        '--context=c=3',
        '-c',
        'novalue',
        '--profile',
        'p',
        '-c',
      ]),
    ).toEqual({ a: '1', b: 'x=y', c: '3' });
  });

  it('stops before cdk with the reasons on stderr, or prints the plan and stops for --check', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        const env = { ...process.env, AWS_REGION: 'eu-west-3' };
        execFile(
          'npx',
          ['tsx', 'infra/deploy.ts', ...args],
          { cwd: repoRoot, env },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });
    // --check synthesizes with cdk-nag: a setting it accepts is one the deploy synthesizes (issue 23).
    const [refused, checked] = await Promise.all([
      run([]),
      run(['--check', ...own, '-c', 'feedUrl=https://example.wordpress.com/feed']),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Not deploying:\n {2}- operatorEmail is required/m);
    expect(refused.stdout).toBe('');
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^Deploying Dimanche with:\n/);
    expect(checked.stdout).toContain('alarms to        ops@dimanche.blog.fr');
    expect(checked.stdout).toContain('Synthesized, with no cdk-nag finding left unexplained.');
  }, 120_000);
});
