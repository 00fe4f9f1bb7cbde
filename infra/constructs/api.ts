import { CfnOutput, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  ApiMapping,
  type CfnStage,
  CfnRoute,
  CorsHttpMethod,
  DomainName,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { CustomDomain } from '../config.ts';

export interface DimancheApiProps {
  readonly handler: IFunction;
  /** Serves `/admin/*`: its own function, so the public one stays small. */
  readonly admin: IFunction;
  /** Serves `GET /r/{linkId}`, the email's click links. */
  readonly redirect: IFunction;
  /** Origins whose pages may call the API from a script; empty: none (the API's own pages need no CORS). */
  readonly allowedOrigins: readonly string[];
  /** Optional: a custom domain mapped to the stage; readers' links then use it. */
  readonly customDomain?: CustomDomain | undefined;
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

/** Requests a second, steady and in a burst, as API Gateway's token bucket counts them. */
export type Throttle = { readonly rateLimit: number; readonly burstLimit: number };

/**
 * Everything not routed below (sign-up, archive, admin, pages): a ceiling for a newsletter's traffic, so a
 * runaway client cannot run up the Lambda bill. Sign-up also has its per-address limit in the app.
 */
export const DEFAULT_THROTTLE: Throttle = { rateLimit: 20, burstLimit: 50 };

/**
 * Routes with a bucket of their own, so a Sunday burst on one never answers 429 on another (README, "Sunday
 * traffic"). Mail scanners fetch every link of a mail as it is delivered, and mails are delivered at SES's send
 * rate R (14/s to start): with a share s of readers behind such scanners and ~135 track links a mail, /r/ sees
 * about R × s × 135 requests a second (~470 at R = 14, s = ¼) whatever N, for the N / R seconds the campaign
 * lasts. /u/ sees the scanners' GET of one or two links a mail plus the one-click POSTs Gmail and Yahoo send
 * (RFC 8058), which must never be refused. The webhook is the blog's: a few calls a post, and its retries.
 */
export const ROUTE_THROTTLES = {
  'GET /r/{linkId}': { rateLimit: 500, burstLimit: 1000 },
  'ANY /u/{token}': { rateLimit: 50, burstLimit: 200 },
  'POST /webhooks/{proxy+}': { rateLimit: 10, burstLimit: 50 },
} as const satisfies Record<string, Throttle>;

/**
 * Why each route has no API Gateway authorizer (cdk-nag APIG4), route by route: a route added later has no
 * line here, so the synth (and the deploy) stops on it until someone says how it is authorised.
 */
export const ROUTE_AUTHORISATION: Record<string, string> = {
  $default:
    'The public app: the archive and sign-up pages are public by design, and every write checks its own proof in the app (sign-up confirmation tokens, HMAC-signed links), functions/http.',
  'ANY /admin/{proxy+}':
    'The admin API checks a bearer token from the secret in the app (functions/http); an authorizer would repeat that check at the cost of an extra invocation.',
  'ANY /studio':
    "The author's studio checks its signed session cookie in the app and sends anyone else to its sign-in page, which must stay reachable.",
  'ANY /studio/{proxy+}':
    "The author's studio checks its signed session cookie in the app and sends anyone else to its sign-in page, which must stay reachable.",
  'GET /r/{linkId}':
    'Click links in sent mails are public by design: the link id is unguessable and the redirect only goes to a URL stored with it.',
  'ANY /u/{token}':
    'One-click unsubscribe (RFC 8058) must work without signing in: the HMAC-signed token in the path is the proof, checked in the app.',
  'POST /webhooks/{proxy+}':
    "The blog webhooks: the signed post (its Standard Webhooks signature checked with the secret, which an authorizer cannot) and WordPress.com's notification (a secret token in the path, compared in constant time).",
};

const acknowledgeRouteAuthorisation = (api: HttpApi): void => {
  for (const route of api.node.findAll()) {
    if (!(route instanceof CfnRoute)) continue;
    const reason = ROUTE_AUTHORISATION[route.routeKey];
    if (reason !== undefined && route.node.scope)
      Validations.of(route.node.scope).acknowledge({ id: 'AwsSolutions-APIG4', reason });
  }
};

/** One HTTP API whose `$default` route sends every path and method to the Hono app, which does the routing. */
export class DimancheApi extends Construct {
  readonly url: string;
  readonly api: HttpApi;
  /** Where readers reach the API, without a trailing slash: the custom domain, else the API's own URL. */
  readonly publicUrl: string;

  constructor(scope: Construct, id: string, props: DimancheApiProps) {
    const { handler, admin, redirect, allowedOrigins, customDomain } = props;
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
    // The author's studio: its own pages (and their session), served by the admin function too.
    const studio = new HttpLambdaIntegration('StudioIntegration', admin);
    for (const path of ['/studio', '/studio/{proxy+}'])
      this.api.addRoutes({ path, methods: [HttpMethod.ANY], integration: studio });
    const routes = [
      ...this.api.addRoutes({
        path: '/r/{linkId}',
        methods: [HttpMethod.GET],
        integration: new HttpLambdaIntegration('RedirectIntegration', redirect),
      }),
      // The same function as `$default`, as a route of its own only so that it gets its own throttle.
      ...this.api.addRoutes({
        path: '/u/{token}',
        methods: [HttpMethod.ANY],
        integration: new HttpLambdaIntegration('UnsubscribeIntegration', handler),
      }),
      // Her blog's webhooks: the admin function's (the post parser and her mails stay out of the readers' one),
      // with their own throttle.
      ...this.api.addRoutes({
        path: '/webhooks/{proxy+}',
        methods: [HttpMethod.POST],
        integration: new HttpLambdaIntegration('WebhookIntegration', admin),
      }),
    ];
    acknowledgeRouteAuthorisation(this.api);
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: DEFAULT_THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat },
    });
    // HttpStage has no per-route throttle; the stage resource does, keyed by route key. CloudFormation refuses
    // settings for a route that does not exist yet, hence the dependency. The property is untyped JSON, passed
    // as it is: CloudFormation's own PascalCase names.
    (stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      Object.entries(ROUTE_THROTTLES).map(([key, { rateLimit, burstLimit }]) => [
        key,
        { ThrottlingRateLimit: rateLimit, ThrottlingBurstLimit: burstLimit },
      ]),
    );
    for (const route of routes) stage.node.addDependency(route);
    this.url = stage.url;
    const { region, urlSuffix } = Stack.of(this);
    this.publicUrl = `https://${this.api.apiId}.execute-api.${region}.${urlSuffix}`;
    if (customDomain) {
      const domain = new DomainName(this, 'Domain', {
        domainName: customDomain.domainName,
        certificate: Certificate.fromCertificateArn(this, 'Certificate', customDomain.certificateArn),
      });
      // The mapping names the stage by its name only: without the dependency it may come first and fail.
      new ApiMapping(this, 'Mapping', { api: this.api, domainName: domain, stage }).node.addDependency(stage);
      this.publicUrl = `https://${customDomain.domainName}`;
      new CfnOutput(Stack.of(this), 'CustomDomainTarget', {
        value: domain.regionalDomainName,
        description: `Point ${customDomain.domainName} here (CNAME, or an alias record at a zone apex)`,
      });
    }
  }
}
