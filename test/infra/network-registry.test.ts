import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readSocialConfig, SOCIAL_NETWORK_NAMES } from '../../infra/config.ts';
import { SOCIAL_NETWORKS } from '../../shared/domain/social/networks.ts';

// infra/ may not import shared/, so it keeps its own copy of the network ids: this is what keeps it true.
describe("infra's copy of the network registry", () => {
  it('names the same networks as the registry, in the same order', () => {
    expect(SOCIAL_NETWORK_NAMES).toEqual([...SOCIAL_NETWORKS]);
  });

  it('accepts every network of the registry in the CDK context, and lists them all when one is unknown', () => {
    const node = (socialNetworks: string) => new App({ context: { socialNetworks } }).node;
    expect(readSocialConfig(node(SOCIAL_NETWORKS.join(','))).networks).toBe(SOCIAL_NETWORKS.join(','));
    expect(() => readSocialConfig(node('myspace'))).toThrow(`may only name ${SOCIAL_NETWORKS.join(', ')}`);
  });
});
