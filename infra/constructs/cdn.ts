import { CfnOutput, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CacheCookieBehavior,
  CachedMethods,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  Function as CfFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { cdnInvalidations } from './cdn-invalidations.ts';

/** The custom domain on the CDN: CloudFront takes a certificate from us-east-1 only. */
export type CdnDomain = { readonly domainName: string; readonly certificateArn: string };

export interface DimancheCdnProps {
  readonly api: HttpApi;
  /** Reads the built pages on a cache miss. */
  readonly reader: NodejsFunction;
  /** Builds the pages (the render step) and tells the CDN what changed. */
  readonly writer: NodejsFunction;
  readonly domain?: CdnDomain | undefined;
}

/**
 * What the edge caches, by path (the first match wins; everything else passes through uncached): the
 * archive's list (its `cursor` the only query that matters), each issue's page and the feeds (no query),
 * the sign-up form (`lang` and `source`, and the reader's Accept-Language, pick the page).
 */
export const CACHED_PATHS = {
  '/archive': { query: ['cursor'], headers: [] },
  '/archive/*': { query: [], headers: [] },
  '/subscribe': { query: ['lang', 'source'], headers: ['Accept-Language'] },
} as const satisfies Record<string, { query: readonly string[]; headers: readonly string[] }>;

/**
 * Sent on to the app by the cached behaviors, outside the key: it answers a wrong archive address with a page or a
 * problem by Accept, in words by Accept-Language, and marks both `no-store`, so neither form is ever kept.
 */
export const FORWARDED_HEADERS = ['Accept', 'Accept-Language'] as const;

/**
 * Issue 26: CloudFront in front of the HTTP API. The origin is the API, which serves the pages the render step
 * built into a private bucket (one object read a miss), not the bucket itself: whether a page is public yet
 * depends on the date, an old slug redirects, a missing page answers a problem, and the security headers are
 * the app's, none of which a bucket origin does without functions at the edge. Pages carry `s-maxage`: the
 * edge keeps them, and a render's changed paths reach CloudFront through a queue and a small worker.
 */
export class DimancheCdn extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;
  readonly invalidations: Queue;
  /** `https://` and the distribution's own domain, or the custom domain on it. */
  readonly publicUrl: string;

  constructor(scope: Construct, id: string, props: DimancheCdnProps) {
    super(scope, id);
    const { region, urlSuffix } = Stack.of(this);

    this.bucket = new Bucket(this, 'PublicPages', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Rebuilt by the next render of each issue: nothing here is the only copy.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds the public pages, rebuilt from the table by each render; it is read only by the API function (its own logs) and written only by the render function. Access logs would record only those two roles.',
    });
    // Keys are public paths under archive/: grants stop there.
    props.reader.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [this.bucket.arnForObjects('archive/*')] }),
    );
    props.writer.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [this.bucket.arnForObjects('archive/*')],
      }),
    );
    const stack = Stack.of(this);
    const bucketId = String(stack.resolve(stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket)));
    for (const fn of [props.reader, props.writer]) {
      fn.addEnvironment('PUBLIC_OBJECTS_BUCKET', this.bucket.bucketName);
      if (!fn.role) throw new Error(`${fn.node.path} has no execution role`);
      Validations.of(fn.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/archive/*]`,
        reason:
          'One object per public page, named by its path (an issue page per series number, the list, the feeds): the pages are not known when the stack is, so the grant names their prefix, archive/, in this one bucket.',
      });
    }

    const cache = (name: string, rule: { query: readonly string[]; headers: readonly string[] }) =>
      new CachePolicy(this, name, {
        comment: 'Dimanche public pages: the app says how long (s-maxage), cookies never in the key',
        // Nothing without Cache-Control is kept (a 404, a redirect): only what the app marks public.
        defaultTtl: Duration.seconds(0),
        minTtl: Duration.seconds(0),
        maxTtl: Duration.days(1),
        cookieBehavior: CacheCookieBehavior.none(),
        queryStringBehavior:
          rule.query.length > 0
            ? CacheQueryStringBehavior.allowList(...rule.query)
            : CacheQueryStringBehavior.none(),
        headerBehavior:
          rule.headers.length > 0
            ? CacheHeaderBehavior.allowList(...rule.headers)
            : CacheHeaderBehavior.none(),
        enableAcceptEncodingGzip: true,
        enableAcceptEncodingBrotli: true,
      });
    // Behind CloudFront the API sees CloudFront's address: the viewer's goes in a header a function at the edge
    // sets (overwriting any a client sent), believed by the app only with this token, which only CloudFront adds.
    // The stack's own UUID: unguessable from outside, in no template parameter.
    const edgeToken = Fn.select(2, Fn.split('/', Stack.of(this).stackId));
    props.reader.addEnvironment('CDN_EDGE_TOKEN', edgeToken);
    const origin = new HttpOrigin(`${props.api.apiId}.execute-api.${region}.${urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      customHeaders: { 'x-dimanche-edge': edgeToken },
    });
    const viewerIp = new CfFunction(this, 'ViewerIp', {
      comment: 'Dimanche: the viewer address for the app (sign-up limits, consent records)',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(
        "function handler(event) { var request = event.request; request.headers['x-dimanche-viewer-ip'] = { value: event.viewer.ip }; return request; }",
      ),
    });
    const withViewerIp = [{ function: viewerIp, eventType: FunctionEventType.VIEWER_REQUEST }];
    // The app's own headers (CSP, HSTS, nosniff...) pass as they are: no response headers policy adds or drops any.
    const passThrough: BehaviorOptions = {
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // Everything the app reads (cookies, query, body, the viewer's address) but Host: the API answers to its own.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      functionAssociations: withViewerIp,
    };
    const forwarded = new OriginRequestPolicy(this, 'CachedOriginRequest', {
      comment: 'Dimanche public pages: the key, and what the app negotiates an error answer by',
      headerBehavior: OriginRequestHeaderBehavior.allowList(...FORWARDED_HEADERS),
      queryStringBehavior: OriginRequestQueryStringBehavior.none(),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });
    const cached = (
      name: string,
      rule: { query: readonly string[]; headers: readonly string[] },
    ): BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachedMethods: CachedMethods.CACHE_GET_HEAD,
      // The cache key reaches the origin, and the negotiation headers: no cookie, no other query.
      cachePolicy: cache(`${name}Cache`, rule),
      originRequestPolicy: forwarded,
      compress: true,
    });
    const form: BehaviorOptions = {
      ...cached('Subscribe', CACHED_PATHS['/subscribe']),
      // POST /subscribe shares the form's path: CloudFront never caches a POST, and passes it whole to the app.
      allowedMethods: AllowedMethods.ALLOW_ALL,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      functionAssociations: withViewerIp,
    };
    const certificate = props.domain
      ? Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn)
      : undefined;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Dimanche: the public web (archive, feeds, sign-up) at the edge',
      defaultBehavior: passThrough,
      additionalBehaviors: {
        '/archive': cached('ArchiveList', CACHED_PATHS['/archive']),
        '/archive/*': cached('ArchivePages', CACHED_PATHS['/archive/*']),
        '/subscribe': form,
      },
      // Europe and North America: her readers; the other edges cost more for a French newsletter.
      priceClass: PriceClass.PRICE_CLASS_100,
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Her domain's certificate takes a policy; CloudFront's own *.cloudfront.net certificate takes none (CDK
      // ignores it there with a warning at every synth), so the policy goes with the certificate.
      ...(props.domain && certificate
        ? {
            domainNames: [props.domain.domainName],
            certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    const acknowledge = (id: string, reason: string) =>
      Validations.of(this.distribution).acknowledge({ id, reason });
    acknowledge(
      'AwsSolutions-CFR1',
      'A public newsletter read wherever her readers are: no country is to be refused its archive or sign-up form.',
    );
    acknowledge(
      'AwsSolutions-CFR2',
      'A web ACL costs about 6 USD a month before any request, more than the rest of the stack at rest (docs/cost.md). The cached paths never reach the app; the others keep the API stage’s throttles and the app’s own limits (sign-up per address and per IP, signed links, signed webhooks).',
    );
    acknowledge(
      'AwsSolutions-CFR3',
      'Access logs would hold every reader’s IP address and the token paths (/u/, /confirm/) that pass through: personal data kept for nothing the API’s access logs (no path, no IP) and the functions’ logs do not already cover.',
    );
    acknowledge(
      'AwsSolutions-CFR4',
      'With its own *.cloudfront.net name CloudFront fixes the viewer policy at TLSv1 whatever the stack asks; with cdnCertificateArn (her own domain) the distribution asks TLSv1.2_2021, as here. The origin is reached over TLS 1.2.',
    );
    if (props.domain) {
      new CfnOutput(Stack.of(this), 'CdnDomainTarget', {
        value: this.distribution.distributionDomainName,
        description: `Point ${props.domain.domainName} here (CNAME, or an alias record at a zone apex)`,
      });
    }
    this.publicUrl = props.domain
      ? `https://${props.domain.domainName}`
      : `https://${this.distribution.distributionDomainName}`;

    this.invalidations = cdnInvalidations(this, { distribution: this.distribution, writer: props.writer });
  }
}
