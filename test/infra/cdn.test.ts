import { beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { envIn, logicalIdIn, propsIn, type Resource, roleIn, synthTemplate } from './template.ts';

// Issue 26: CloudFront in front of the public web, walked route by route as CloudFront matches them.

const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

type Behavior = {
  PathPattern?: string;
  CachePolicyId: unknown;
  AllowedMethods?: string[];
  CachedMethods?: string[];
  ResponseHeadersPolicyId?: unknown;
  OriginRequestPolicyId?: unknown;
};
type CachePolicyConfig = {
  DefaultTTL: number;
  ParametersInCacheKeyAndForwardedToOrigin: {
    CookiesConfig: { CookieBehavior: string };
    QueryStringsConfig: { QueryStringBehavior: string; QueryStrings?: string[] };
    HeadersConfig: { HeaderBehavior: string; Headers?: string[] };
  };
};

let template: Template;
let resources: Record<string, Resource>;
let behaviors: Behavior[];
let fallback: Behavior;
beforeAll(() => {
  template = synthTemplate();
  resources = template.toJSON().Resources as Record<string, Resource>;
  const config = propsIn(template, 'Cdn/Distribution').DistributionConfig as {
    CacheBehaviors: Behavior[];
    DefaultCacheBehavior: Behavior;
  };
  behaviors = config.CacheBehaviors;
  fallback = config.DefaultCacheBehavior;
});

// CloudFront's path patterns: `*` any characters, `?` one, case-sensitive, the first match in order wins.
const matches = (pattern: string, path: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll('?', '.')}$`,
  ).test(path);
const behaviorFor = (path: string) => behaviors.find((b) => matches(b.PathPattern ?? '', path)) ?? fallback;
const cachePolicyOf = (behavior: Behavior): CachePolicyConfig | undefined => {
  const ref = (behavior.CachePolicyId as { Ref?: string }).Ref;
  return ref ? (resources[ref]?.Properties.CachePolicyConfig as CachePolicyConfig) : undefined;
};

const CACHED = [
  { path: '/archive', query: ['cursor'] },
  { path: '/archive/34-chambre-en-provence', query: [] },
  { path: '/archive/34', query: [] },
  { path: '/archive/feed.xml', query: [] },
  { path: '/archive/atom.xml', query: [] },
  { path: '/subscribe', query: ['lang', 'source'] },
];
const UNCACHED = [
  '/confirm/eyJ0b2tlbiJ9',
  '/u/eyJ0b2tlbiJ9',
  '/preferences/eyJ0b2tlbiJ9',
  '/export/eyJ0b2tlbiJ9',
  '/r/lnk_0123',
  '/admin/issues',
  '/studio',
  '/studio/abonnes',
  '/webhooks/posts',
  '/health',
];

describe('the CDN in front of the public web', () => {
  it.each(CACHED)(
    'caches $path by the app’s s-maxage, without cookies, keyed by $query only',
    ({ path, query }) => {
      const behavior = behaviorFor(path);
      const policy = cachePolicyOf(behavior);
      expect(policy, path).toBeDefined();
      const key = policy?.ParametersInCacheKeyAndForwardedToOrigin;
      expect(key?.CookiesConfig.CookieBehavior).toBe('none');
      expect(key?.QueryStringsConfig.QueryStrings ?? []).toEqual(query);
      expect(key?.QueryStringsConfig.QueryStringBehavior).toBe(query.length > 0 ? 'whitelist' : 'none');
      // Only what the app marks cacheable is kept: a 404 or a redirect without Cache-Control is not.
      expect(policy?.DefaultTTL).toBe(0);
      expect(behavior.CachedMethods).toEqual(['GET', 'HEAD']);
    },
  );

  it.each(UNCACHED)('passes %s through uncached, cookies, query and body included', (path) => {
    const behavior = behaviorFor(path);
    expect(behavior).toBe(fallback);
    expect(behavior.CachePolicyId).toBe(CACHING_DISABLED);
    expect(behavior.AllowedMethods).toEqual(expect.arrayContaining(['POST', 'PUT', 'DELETE', 'PATCH']));
  });

  // Issue 27: the app answers a wrong archive address with a page or a problem by Accept (both no-store).
  it.each(['/archive', '/archive/35-decembre'])(
    'sends Accept and Accept-Language on %s to the app, outside the key, and no cookie',
    (path) => {
      const ref = (behaviorFor(path).OriginRequestPolicyId as { Ref?: string }).Ref ?? '';
      const config = resources[ref]?.Properties.OriginRequestPolicyConfig as {
        HeadersConfig: { HeaderBehavior: string; Headers?: string[] };
        CookiesConfig: { CookieBehavior: string };
        QueryStringsConfig: { QueryStringBehavior: string };
      };
      expect(config.HeadersConfig).toEqual({
        HeaderBehavior: 'whitelist',
        Headers: ['Accept', 'Accept-Language'],
      });
      expect(config.CookiesConfig.CookieBehavior).toBe('none');
      expect(config.QueryStringsConfig.QueryStringBehavior).toBe('none');
      expect(
        cachePolicyOf(behaviorFor(path))?.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig,
      ).toEqual({
        HeaderBehavior: 'none',
      });
    },
  );

  it('caches no POST anywhere: every behavior caches GET and HEAD at most', () => {
    for (const behavior of [...behaviors, fallback]) {
      expect(behavior.CachedMethods ?? ['GET', 'HEAD']).toEqual(['GET', 'HEAD']);
    }
    // The sign-up form's POST shares its path: it must reach the app whole.
    expect(behaviorFor('/subscribe').AllowedMethods).toContain('POST');
    expect(behaviorFor('/subscribe').OriginRequestPolicyId).toBeDefined();
  });

  it('tells the app the viewer’s address on every path that reaches it for a person, with a token it can check', () => {
    type Associated = Behavior & { FunctionAssociations?: { EventType: string; FunctionARN: unknown }[] };
    const viewerIp = logicalIdIn(template, 'Cdn/ViewerIp');
    for (const path of ['/subscribe', '/confirm/x', '/u/x', '/preferences/x', '/studio']) {
      expect((behaviorFor(path) as Associated).FunctionAssociations, path).toEqual([
        { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [viewerIp, 'FunctionARN'] } },
      ]);
    }
    // Cached pages are the same for everyone: no function runs on them.
    expect((behaviorFor('/archive/34') as Associated).FunctionAssociations).toBeUndefined();
    const code = propsIn(template, 'Cdn/ViewerIp').FunctionCode as string;
    expect(code).toContain("request.headers['x-dimanche-viewer-ip'] = { value: event.viewer.ip }");
    const config = propsIn(template, 'Cdn/Distribution').DistributionConfig as {
      Origins: { OriginCustomHeaders: { HeaderName: string; HeaderValue: unknown }[] }[];
    };
    const token = envIn(template, 'Functions/Api/Function').CDN_EDGE_TOKEN;
    expect(token).toEqual({ 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] });
    expect(config.Origins[0]?.OriginCustomHeaders).toEqual([
      { HeaderName: 'x-dimanche-edge', HeaderValue: token },
    ]);
  });

  it('leaves the app’s security headers as they are: no behavior adds or removes any', () => {
    for (const behavior of [...behaviors, fallback]) expect(behavior.ResponseHeadersPolicyId).toBeUndefined();
  });

  it('answers HTTPS only, from the HTTP API as its only origin', () => {
    const config = propsIn(template, 'Cdn/Distribution').DistributionConfig as {
      Origins: { DomainName: unknown; CustomOriginConfig: { OriginProtocolPolicy: string } }[];
      DefaultCacheBehavior: { ViewerProtocolPolicy: string };
    };
    expect(config.Origins).toHaveLength(1);
    expect(JSON.stringify(config.Origins[0]?.DomainName)).toContain(logicalIdIn(template, 'Api/HttpApi'));
    expect(config.Origins[0]?.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    for (const behavior of [...behaviors, fallback] as unknown as { ViewerProtocolPolicy: string }[]) {
      expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    }
  });

  it('gives readers’ links the CDN’s address when publicBaseUrl=api', () => {
    const fromApi = synthTemplate({ publicBaseUrl: 'api' });
    const distribution = logicalIdIn(fromApi, 'Cdn/Distribution');
    for (const fn of ['Functions/Api/Function', 'Functions/Render/Function', 'Delivery/Sender/Function']) {
      expect(envIn(fromApi, fn).PUBLIC_BASE_URL, fn).toEqual({
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }]],
      });
    }
  });
});

describe('the built pages and their invalidation', () => {
  const statementsOf = (fnPath: string) => {
    const role = roleIn(template, fnPath);
    return Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .filter((r) => (r.Properties.Roles as { Ref: string }[]).some((ref) => ref.Ref === role))
      .flatMap(
        (r) =>
          (r.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] })
            .Statement,
      )
      .map((s) => ({ actions: [s.Action].flat(), resource: JSON.stringify(s.Resource) }));
  };
  const bucket = () => logicalIdIn(template, 'Cdn/PublicPages');

  it('lets the API read the pages and the render step write them, under archive/ only', () => {
    const api = statementsOf('Functions/Api/Function').filter((s) => s.resource.includes(bucket()));
    expect(api.flatMap((s) => s.actions)).toEqual(['s3:GetObject']);
    const render = statementsOf('Functions/Render/Function').filter((s) => s.resource.includes(bucket()));
    expect(render.flatMap((s) => s.actions).sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    for (const s of [...api, ...render]) expect(s.resource).toContain('/archive/*');
    expect(envIn(template, 'Functions/Api/Function').PUBLIC_OBJECTS_BUCKET).toEqual({ Ref: bucket() });
    expect(envIn(template, 'Functions/Render/Function')).toMatchObject({
      PUBLIC_OBJECTS_BUCKET: { Ref: bucket() },
      CDN_INVALIDATION_QUEUE_URL: { Ref: logicalIdIn(template, 'Cdn/Invalidations') },
    });
  });

  it('keeps the bucket private: nobody reads it around the app', () => {
    expect(propsIn(template, 'Cdn/PublicPages').PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });

  it('lets the invalidation worker invalidate this distribution and nothing else, and no one else at all', () => {
    const distribution = logicalIdIn(template, 'Cdn/Distribution');
    const worker = statementsOf('Cdn/Invalidate/Function').filter((s) =>
      s.actions.some((a) => a.startsWith('cloudfront:')),
    );
    expect(worker.map((s) => s.actions)).toEqual([['cloudfront:CreateInvalidation']]);
    expect(worker[0]?.resource).toContain(`:distribution/",{"Ref":"${distribution}"}]]`);
    const everyCloudFrontGrant = JSON.stringify(template.toJSON()).match(/"cloudfront:[A-Za-z*]+"/g) ?? [];
    expect(everyCloudFrontGrant).toEqual(['"cloudfront:CreateInvalidation"']);
    expect(envIn(template, 'Cdn/Invalidate/Function').CDN_DISTRIBUTION_ID).toEqual({ Ref: distribution });
  });
});
