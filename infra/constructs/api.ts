import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface DimancheApiProps {
  readonly handler: IFunction;
  /** Serves `/admin/*`: its own function, so the public one stays small. */
  readonly admin: IFunction;
  /** Serves `GET /r/{linkId}`, the email's click links. */
  readonly redirect: IFunction;
  /** Origins whose pages may call the API from a script; empty: none (the API's own pages need no CORS). */
  readonly allowedOrigins: readonly string[];
}

// One JSON line per request. No path, query or source IP: signed links carry their token in the path, and
// an IP is personal data the function logs already cover where it matters (rate limits, consent).
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: AccessLogField.contextRequestId(),
    time: AccessLogField.contextRequestTimeEpoch(),
    method: AccessLogField.contextHttpMethod(),
    route: AccessLogField.contextRouteKey(),
    status: AccessLogField.contextStatus(),
    bytes: AccessLogField.contextResponseLength(),
    latencyMs: AccessLogField.contextResponseLatency(),
    integrationMs: AccessLogField.contextIntegrationLatency(),
    integrationError: AccessLogField.contextIntegrationErrorMessage(),
    error: AccessLogField.contextErrorMessage(),
  }),
);

/** One HTTP API whose `$default` route sends every path and method to the Hono app, which does the routing. */
export class DimancheApi extends Construct {
  readonly url: string;
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, { handler, admin, redirect, allowedOrigins }: DimancheApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'HttpApi', {
      description: 'Dimanche: webhooks, admin and public pages',
      // `$default` also matches `/`, which ANY /{proxy+} would not.
      defaultIntegration: new HttpLambdaIntegration('ApiIntegration', handler),
      // The built-in default stage takes no throttle settings; ours does.
      createDefaultStage: false,
      // API Gateway answers the preflight itself; only the public form routes are meant for other origins,
      // and the admin token never travels from a browser.
      ...(allowedOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: [...allowedOrigins],
              allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST],
              allowHeaders: ['content-type'],
            },
          }
        : {}),
    });
    this.api.addRoutes({
      path: '/admin/{proxy+}',
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('AdminIntegration', admin),
    });
    this.api.addRoutes({
      path: '/r/{linkId}',
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration('RedirectIntegration', redirect),
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Authorisation is in the app, per route: the archive and sign-up pages are public, the webhook checks its Standard Webhooks signature, signed links their HMAC, and /admin/* a bearer token (functions/http). An API Gateway authorizer would only repeat the admin check at the cost of an extra invocation.',
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      // A ceiling for a newsletter's traffic, so a runaway client cannot run up the Lambda bill.
      throttle: { burstLimit: 50, rateLimit: 20 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat },
    });
    this.url = stage.url;
  }
}
