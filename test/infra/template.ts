import { readFileSync } from 'node:fs';
import { App, type AppProps } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readConfig, readEnv } from '../../infra/config.ts';
import { DimancheStack } from '../../infra/stacks/dimanche-stack.ts';

export type Resource = {
  Type: string;
  Properties: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
};

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

/**
 * The stack as `cdk synth` builds it (same cdk.json context and feature flags), minus the slow parts:
 * no asset bundling, and no built-in CloudFormation validation (loading the validator alone takes ~3 s;
 * the real synth test keeps it). The handler files must still exist: NodejsFunction checks its entry
 * even when it does not bundle.
 */
export const synthTemplate = (context: Record<string, unknown> = {}): Template =>
  Template.fromStack(buildStack(context));

/** The stack before synthesis, for checks that walk the construct tree (cdk-nag). */
export const buildStack = (context: Record<string, unknown> = {}): DimancheStack => {
  const app = new App(fastAppProps(context));
  // Pinned to an account and region when the context says so, as the app does (infra/dimanche-app.ts).
  const env = readEnv(app.node);
  return new DimancheStack(app, 'Dimanche', { config: readConfig(app.node), ...(env ? { env } : {}) });
};

/** cdk.json's context and feature flags, plus `context`, without bundling or CloudFormation validation. */
export const fastAppProps = (context: Record<string, unknown> = {}): AppProps => ({
  context: {
    ...cdkJson.context,
    ...context,
    'aws:cdk:bundling-stacks': [],
    // Construct paths on every resource, as the CLI adds them: tests find resources by path, not hash.
    'aws:cdk:enable-path-metadata': true,
  },
  builtinCloudFormationValidation: false,
});

/** The logical id and resource whose construct path is `Dimanche/<path>/Resource`. */
export const resourceAt = (template: Template, path: string): [string, Resource] => {
  const resources = Object.entries(template.toJSON().Resources as Record<string, Resource>);
  const found = resources.find(([, r]) => r.Metadata?.['aws:cdk:path'] === `Dimanche/${path}/Resource`);
  if (!found) throw new Error(`No resource at Dimanche/${path}`);
  return found;
};

type GetAtt = { 'Fn::GetAtt': [string, string] };

export const logicalIdIn = (template: Template, path: string): string => resourceAt(template, path)[0];
export const propsIn = (template: Template, path: string) => resourceAt(template, path)[1].Properties;
/** The logical id of a function's execution role. */
export const roleIn = (template: Template, fnPath: string): string =>
  (propsIn(template, fnPath).Role as GetAtt)['Fn::GetAtt'][0];
export const envIn = (template: Template, fnPath: string): Record<string, unknown> =>
  (propsIn(template, fnPath).Environment as { Variables: Record<string, unknown> }).Variables;
