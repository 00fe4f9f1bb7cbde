import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfig, readEnv } from './config.ts';
import { DimancheStack } from './stacks/dimanche-stack.ts';

/** The CDK app: the stack, and the AwsSolutions checks that stop a synth (so a deploy) on any finding. */
export const dimancheApp = (props: AppProps = {}): App => {
  const app = new App(props);
  // An acknowledged finding passes only with its reason (test/infra/nag.test.ts checks there is one).
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const env = readEnv(app.node);
  new DimancheStack(app, 'Dimanche', {
    config: readConfig(app.node),
    description: 'Dimanche: weekly playlist newsletter',
    ...(env ? { env } : {}),
  });
  return app;
};
