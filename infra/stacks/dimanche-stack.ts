import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { DimancheConfig } from '../config.ts';
import { DimancheApi } from '../constructs/api.ts';
import { DimancheData } from '../constructs/data.ts';
import { DimancheFunctions } from '../constructs/functions.ts';
import { DimancheSecrets } from '../constructs/secrets.ts';

export interface DimancheStackProps extends StackProps {
  readonly config: DimancheConfig;
}

/** The walking skeleton: table, secret, the API and render functions, and the HTTP API in front. */
export class DimancheStack extends Stack {
  constructor(scope: Construct, id: string, { config, ...props }: DimancheStackProps) {
    super(scope, id, props);
    const { table } = new DimancheData(this, 'Data');
    const { secret } = new DimancheSecrets(this, 'Secrets');
    const functions = new DimancheFunctions(this, 'Functions', { table, secret, config });
    const api = new DimancheApi(this, 'Api', { handler: functions.api });

    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'SecretArn', {
      value: secret.secretArn,
      description: 'Put {"webhookSecrets":["whsec_..."],"adminTokens":["..."]} here before first use',
    });
  }
}
