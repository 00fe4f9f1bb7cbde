import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dimancheApp } from './dimanche-app.ts';

/**
 * The synth `cdk deploy` runs first, in process, with the same cdk-nag checks (dimanche-app.ts) and
 * CloudFormation validation, but without bundling the functions (the checks read the template, not the code):
 * a setting `npm run deploy -- --check` accepts is one the deploy synthesizes. Returns why it failed, if it did.
 */
export const checkSynth = (context: Record<string, unknown>): string | undefined => {
  const outdir = mkdtempSync(join(tmpdir(), 'dimanche-check-'));
  try {
    dimancheApp({ context: { ...context, 'aws:cdk:bundling-stacks': [] }, outdir }).synth();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
};
