import { HttpApi, HttpMethod, HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export interface DimancheApiProps {
  readonly handler: IFunction;
  /** Serves `/admin/*`: its own function, so the public one stays small. */
  readonly admin: IFunction;
}

/** One HTTP API whose `$default` route sends every path and method to the Hono app, which does the routing. */
export class DimancheApi extends Construct {
  readonly url: string;

  constructor(scope: Construct, id: string, { handler, admin }: DimancheApiProps) {
    super(scope, id);
    const api = new HttpApi(this, 'HttpApi', {
      description: 'Dimanche: webhooks, admin and public pages',
      // `$default` also matches `/`, which ANY /{proxy+} would not.
      defaultIntegration: new HttpLambdaIntegration('ApiIntegration', handler),
      // The built-in default stage takes no throttle settings; ours does.
      createDefaultStage: false,
    });
    api.addRoutes({
      path: '/admin/{proxy+}',
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('AdminIntegration', admin),
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      // A ceiling for a newsletter's traffic, so a runaway client cannot run up the Lambda bill.
      throttle: { burstLimit: 50, rateLimit: 20 },
    });
    this.url = stage.url;
  }
}
