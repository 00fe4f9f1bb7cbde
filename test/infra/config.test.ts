import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readConfig, readDeliveryConfig, readEnv } from '../../infra/config.ts';
import { readOperationsConfig } from '../../infra/operations-config.ts';

const nodeWith = (context: Record<string, unknown>) => new App({ context }).node;
const complete = {
  publicBaseUrl: 'https://newsletter.example.com/',
  seriesName: 'Online Sunday Morning Sound',
  postalAddress: 'Dimanche, 12 rue des Lilas, 75011 Paris, France',
  timeZone: 'Europe/Paris',
  senderAddress: 'sunday@newsletter.example.com',
};

describe('CDK context', () => {
  it('reads every setting, without the trailing slash on the base URL', () => {
    expect(readConfig(nodeWith(complete))).toEqual({
      ...complete,
      publicBaseUrl: 'https://newsletter.example.com',
    });
  });

  it('spells the sender domain in lower case, as SES identities and the IAM grants on them do', () => {
    expect(
      readConfig(nodeWith({ ...complete, senderAddress: 'Sunday@Newsletter.Example.com' })).senderAddress,
    ).toBe('Sunday@newsletter.example.com');
  });

  it('names the missing setting', () => {
    const { senderAddress: _, ...partial } = complete;
    expect(() => readConfig(nodeWith(partial))).toThrow('CDK context "senderAddress" is required');
  });

  it('pins the environment only when both account and region are given', () => {
    expect(readEnv(nodeWith({ account: '123456789012', region: 'eu-west-3' }))).toEqual({
      account: '123456789012',
      region: 'eu-west-3',
    });
    expect(readEnv(nodeWith({ region: 'eu-west-3' }))).toBeUndefined();
    expect(readEnv(nodeWith({}))).toBeUndefined();
  });
});

describe('the resolver rate (issue 7)', () => {
  const rate = (context: Record<string, unknown>) => {
    const node = nodeWith({ ...complete, authorEmail: 'author@newsletter.example.com', ...context });
    return readDeliveryConfig(node, readConfig(node)).resolverRatePerMinute;
  };

  it("defaults to song.link's 10 calls a minute without a key, and takes a cdk.json number or a -c string", () => {
    expect(rate({})).toBe(10);
    expect(rate({ resolverRatePerMinute: 60 })).toBe(60);
    expect(rate({ resolverRatePerMinute: '1' })).toBe(1);
    expect(rate({ resolverRatePerMinute: '600' })).toBe(600);
  });

  it('refuses a rate that is not a whole number of calls from 1 to 600, naming the setting', () => {
    for (const value of [0, 601, -5, 2.5, '', 'ten', '7.5', true, [10]]) {
      expect(() => rate({ resolverRatePerMinute: value }), JSON.stringify(value)).toThrow(
        /CDK context "resolverRatePerMinute" must be an integer from 1 to 600/,
      );
    }
  });
});

describe('production settings', () => {
  const read = (context: Record<string, unknown>) =>
    readOperationsConfig(nodeWith(context), 'sunday@News.Example.org');

  it('default to no browser origins and a created identity with a bounce. MAIL FROM subdomain', () => {
    expect(read({})).toEqual({
      allowedOrigins: [],
      emailIdentity: { create: true, domain: 'news.example.org', mailFromDomain: 'bounce.news.example.org' },
    });
  });

  it('take lists and flags as cdk.json values or as -c strings', () => {
    expect(read({ allowedOrigins: ['https://a.example.org'], createEmailIdentity: false })).toMatchObject({
      allowedOrigins: ['https://a.example.org'],
      emailIdentity: { create: false },
    });
    expect(
      read({ allowedOrigins: ' https://a.example.org ,,https://b.example.org', createEmailIdentity: 'true' }),
    ).toMatchObject({
      allowedOrigins: ['https://a.example.org', 'https://b.example.org'],
      emailIdentity: { create: true },
    });
    expect(read({ mailFromDomain: 'Mail.News.Example.org' }).emailIdentity.mailFromDomain).toBe(
      'mail.news.example.org',
    );
  });

  it('refuse values of the wrong shape, naming the setting', () => {
    expect(() => read({ allowedOrigins: 42 })).toThrow(
      'CDK context "allowedOrigins" must be a comma-separated',
    );
    expect(() => read({ allowedOrigins: 'https://a.example.org:443' })).toThrow(/allowedOrigins/);
    expect(() => read({ createEmailIdentity: 'yes' })).toThrow(/createEmailIdentity/);
    expect(() => read({ mailFromDomain: 7 })).toThrow(/mailFromDomain/);
    expect(() => read({ mailFromDomain: 'news.example.org' })).toThrow(/mailFromDomain.*subdomain/);
    expect(() => read({ mailFromDomain: 'bounce.news.example.org.evil.net' })).toThrow(/mailFromDomain/);
  });
});
