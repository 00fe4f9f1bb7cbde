import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { cruise, type IReporterOutput } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/processes.ts';

const ruleSet = createRequire(import.meta.url)(resolve(repoRoot, '.dependency-cruiser.cjs')) as {
  forbidden: unknown[];
  options: { tsConfig?: unknown };
};

const violationsIn = async (baseDir: string, paths: string[]) => {
  // The fixture has no tsconfig of its own; its imports need none to resolve.
  const { tsConfig: _tsConfig, ...options } = ruleSet.options;
  const { output } = (await cruise(paths, {
    ...options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: ruleSet.forbidden },
  } as never)) as IReporterOutput;
  if (typeof output === 'string') throw new Error(output);
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
};

describe('the layer rules', () => {
  it('hold for the whole codebase', async () => {
    expect(await violationsIn(repoRoot, ['infra', 'functions', 'emails', 'shared', 'test'])).toEqual([]);
  });

  it('flag a use case that imports the AWS SDK, Hono or MJML', async () => {
    const violations = await violationsIn(resolve(repoRoot, 'test/fixtures/layering'), ['shared']);
    expect(violations.filter((v) => v.startsWith('domain-imports-no-infrastructure'))).toEqual([
      expect.stringContaining('@aws-sdk/client-dynamodb'),
      expect.stringContaining('hono'),
      expect.stringContaining('mjml'),
    ]);
    expect(violations.join('\n')).not.toContain('clean-rule');
  });

  it('flag a rule that imports a use case', async () => {
    const violations = await violationsIn(resolve(repoRoot, 'test/fixtures/layering'), ['shared']);
    expect(violations.filter((v) => v.startsWith('rules-import-no-use-cases'))).toEqual([
      'rules-import-no-use-cases: shared/domain/rule-leaning-on-use-case.ts → shared/usecases/leaky-use-case.ts',
    ]);
  });

  it('flag a Lambda root that reaches the stand-ins of the guarded client', async () => {
    const violations = await violationsIn(resolve(repoRoot, 'test/fixtures/layering'), ['functions']);
    expect(violations).toEqual([
      'lambda-reaches-no-stand-ins: functions/lambda/leaky-outbound.ts → shared/adapters/http/stand-ins.ts',
    ]);
  });

  it('flag a rendering that reaches an edge, a store or a use case (a result type is fine)', async () => {
    const violations = await violationsIn(resolve(repoRoot, 'test/fixtures/layering'), ['emails']);
    expect(violations.filter((v) => v.startsWith('renderings-import-no-edges-or-stores')).sort()).toEqual([
      'renderings-import-no-edges-or-stores: emails/studio/leaky-page.ts → functions/studio/session.ts',
      'renderings-import-no-edges-or-stores: emails/studio/leaky-page.ts → shared/adapters/dynamodb/issue-store.ts',
      'renderings-import-no-edges-or-stores: emails/studio/leaky-page.ts → shared/usecases/leaky-use-case.ts',
    ]);
    expect(violations.join('\n')).not.toContain('page-data');
  });

  it('flag a store built outside the wiring', async () => {
    const violations = await violationsIn(resolve(repoRoot, 'test/fixtures/layering'), ['infra']);
    expect(violations).toEqual([
      'stores-built-in-wiring-only: infra/local/leaky-wiring.ts → shared/adapters/dynamodb/issue-store.ts',
    ]);
  });
});
