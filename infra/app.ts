import { App } from 'aws-cdk-lib';
import { readConfig, readEnv } from './config.ts';
import { DimancheStack } from './stacks/dimanche-stack.ts';

// Composition root of the CDK app; run by the CLI through cdk.json ("npx tsx infra/app.ts").
const app = new App();
const env = readEnv(app.node);
new DimancheStack(app, 'Dimanche', {
  config: readConfig(app.node),
  description: 'Dimanche: weekly playlist newsletter',
  ...(env ? { env } : {}),
});
