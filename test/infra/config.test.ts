import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readConfig, readEnv } from '../../infra/config.ts';

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
