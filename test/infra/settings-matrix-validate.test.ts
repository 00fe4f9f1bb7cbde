import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, CfnResource } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { checkSynth } from '../../infra/check-synth.ts';
import { dimancheApp } from '../../infra/dimanche-app.ts';
import { MATRIX } from './settings-matrix.ts';

// Issue 23: the matrix test holds each combination to cdk-nag, but builds it without CloudFormation's own
// template validator (it takes seconds to load). The synth `npm run deploy -- --check` runs has both: here it
// is, on the guide's feed setting and on the two combinations that hold every resource a setting adds (her
// domain on the API, and everything at once with her domain on the CDN).

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

type Violation = { ruleName: string; severity?: string };
type Report = { pluginReports: { pluginName: string; violations: Violation[] }[] };

/**
 * The synth as the deploy's check runs it (checkSynth's app and context), keeping the validation report it
 * writes beside the template; a plugin with no finding is left out of it. An error throws, as in the check.
 */
const findings = (context: Record<string, unknown>, add?: (app: App) => void): string[] => {
  const outdir = mkdtempSync(join(tmpdir(), 'dimanche-validate-'));
  try {
    const app = dimancheApp({
      context: { ...cdkJson.context, ...context, 'aws:cdk:bundling-stacks': [] },
      outdir,
    });
    add?.(app);
    try {
      app.synth();
    } catch (error) {
      if (!existsSync(join(outdir, 'validation-report.json'))) throw error;
    }
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as Report;
    return (
      report.pluginReports
        // The construct library's notes are annotations (`cdk synth` prints them), not template findings.
        .filter(({ pluginName }) => pluginName !== 'Construct Annotations')
        .flatMap(({ pluginName, violations }) =>
          violations.map((v) => `${pluginName}: ${v.ruleName} (${v.severity ?? 'error'})`),
        )
    );
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
};

const combination = (name: string) => {
  const found = MATRIX.find((c) => c.name === name);
  if (!found) throw new Error(`no combination named ${name} in the matrix`);
  return found.context;
};

describe('the deploy check’s synth, with CloudFormation’s template validator', () => {
  it('accepts the guide’s feed setting, as `npm run deploy -- --check -c feedUrl=…` would', () => {
    expect(checkSynth({ ...cdkJson.context, ...combination('feedUrl alone') })).toBeUndefined();
  }, 120_000);

  it.each([
    'everything at once, pinned to an account and region',
    'publicBaseUrl=api behind a custom domain',
  ])(
    'finds nothing, warnings included, in %s',
    (name) => {
      expect(findings(combination(name))).toEqual([]);
    },
    120_000,
  );

  it('would report a template CloudFormation refuses', () => {
    const bad = (app: App) =>
      new CfnResource(app.node.findChild('Dimanche'), 'Bad', {
        type: 'AWS::SQS::Queue',
        properties: { MessageRetentionPeriod: 'ten' },
      });
    expect(findings({}, bad)).toEqual(['CloudFormation Validate: F3012 (error)']);
  }, 120_000);
});
