import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planDeploy } from '../../infra/deploy-plan.ts';
import { envIn, logicalIdIn, propsIn, type Resource, resourceAt, synthTemplate } from './template.ts';

// Issue 18: a first deploy in one pass. `publicBaseUrl=api` takes the HTTP API's own URL (or the custom
// domain's) from the template, so no function waits for a second deploy to know where readers reach it.

const { context: cdkJson } = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};
const FUNCTIONS_WITH_LINKS = [
  'Functions/Api/Function',
  'Delivery/Dispatch/Function',
  'Delivery/Sender/Function',
  'Music/Function/Function',
];
const CERTIFICATE = 'arn:aws:acm:eu-west-3:123456789012:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab';

describe('publicBaseUrl=api', () => {
  it('gives every function that writes links the CDN’s own URL (issue 26), without a trailing slash', () => {
    const template = synthTemplate({ publicBaseUrl: 'api' });
    const distribution = logicalIdIn(template, 'Cdn/Distribution');
    const expected = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }]] };
    for (const fn of FUNCTIONS_WITH_LINKS) expect(envIn(template, fn).PUBLIC_BASE_URL, fn).toEqual(expected);
  });

  it('gives them the custom domain when one is set, mapped to the stage and named in an output', () => {
    const template = synthTemplate({
      publicBaseUrl: 'api',
      customDomain: 'Dimanche.Blog.fr',
      certificateArn: CERTIFICATE,
    });
    for (const fn of FUNCTIONS_WITH_LINKS)
      expect(envIn(template, fn).PUBLIC_BASE_URL, fn).toBe('https://dimanche.blog.fr');
    expect(propsIn(template, 'Api/Domain')).toMatchObject({
      DomainName: 'dimanche.blog.fr',
      DomainNameConfigurations: [{ CertificateArn: CERTIFICATE, EndpointType: 'REGIONAL' }],
    });
    const [, mapping] = resourceAt(template, 'Api/Mapping') as [string, Resource & { DependsOn?: string[] }];
    expect(mapping.Properties).toMatchObject({
      ApiId: { Ref: logicalIdIn(template, 'Api/HttpApi') },
      DomainName: { Ref: logicalIdIn(template, 'Api/Domain') },
      Stage: '$default',
    });
    expect(mapping.DependsOn).toContain(logicalIdIn(template, 'Api/DefaultStage'));
    template.hasOutput('CustomDomainTarget', {});
  });

  it('puts her domain on the CDN with TLS 1.2 at least, and leaves CloudFront’s own certificate as it is', () => {
    const distribution = (context: Record<string, string>) =>
      (propsIn(synthTemplate(context), 'Cdn/Distribution') as { DistributionConfig: Record<string, unknown> })
        .DistributionConfig;
    const onHerDomain = distribution({
      publicBaseUrl: 'api',
      customDomain: 'dimanche.blog.fr',
      certificateArn: CERTIFICATE,
      cdnCertificateArn: CERTIFICATE.replace('eu-west-3', 'us-east-1'),
    });
    expect(onHerDomain.Aliases).toEqual(['dimanche.blog.fr']);
    expect(onHerDomain.ViewerCertificate).toEqual({
      AcmCertificateArn: CERTIFICATE.replace('eu-west-3', 'us-east-1'),
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    // *.cloudfront.net takes no policy of ours: CDK would drop one with a warning at every synth.
    expect(distribution({ publicBaseUrl: 'api' }).ViewerCertificate).toBeUndefined();
  });

  it('refuses half a custom domain, or a certificate that is not ACM’s', () => {
    expect(() => synthTemplate({ customDomain: 'dimanche.blog.fr' })).toThrow(/certificateArn/);
    expect(() => synthTemplate({ certificateArn: CERTIFICATE })).toThrow(/customDomain/);
    expect(() => synthTemplate({ customDomain: 'dimanche.blog.fr', certificateArn: 'cert-1' })).toThrow(
      /certificateArn/,
    );
  });

  it('passes the deploy checks, which say the stack sets it', () => {
    const own = [
      ['publicBaseUrl', 'api'],
      ['senderAddress', 'dimanche@dimanche.blog.fr'],
      ['authorEmail', 'camille@dimanche.blog.fr'],
      ['operatorEmail', 'ops@dimanche.blog.fr'],
    ].flatMap(([key, value]) => ['-c', `${key}=${value}`]);
    const plan = planDeploy(own, cdkJson, 'eu-west-3');
    expect(plan.ok ? plan.summary : plan.problems).toContainEqual([
      'public base URL',
      "the HTTP API's URL, set by the stack",
    ]);
  });
});
