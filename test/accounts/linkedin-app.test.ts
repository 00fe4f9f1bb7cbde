import { describe, expect, it } from 'vitest';
import { oauthProviderFor } from '../../shared/domain/accounts/sign-in.ts';
import { parseOperatorApps } from '../../shared/domain/settings/operator-apps.ts';
import { ConfigError } from '../../shared/domain/settings/parse-env.ts';
import { NETWORK_REGISTRY } from '../../shared/domain/social/registry.ts';

const { signIn } = NETWORK_REGISTRY.row('linkedin');

describe('the operator’s LinkedIn app, with or without the Community Management API', () => {
  it('asks Sign In with LinkedIn and Share on LinkedIn without it: she, never a page', () => {
    const provider = oauthProviderFor('linkedin', signIn, { clientId: 'l', clientSecret: 's' });
    expect(provider?.scopes).toEqual(['openid', 'profile', 'w_member_social']);
  });

  it('asks the organisation scopes with it, and no OpenID scope (LinkedIn refuses them to such an app)', () => {
    const app = { clientId: 'l', clientSecret: 's', communityManagement: true };
    const scopes = oauthProviderFor('linkedin', signIn, app)?.scopes ?? [];
    expect(scopes).toEqual(
      expect.arrayContaining(['r_basicprofile', 'w_member_social', 'w_organization_social']),
    );
    expect(scopes.some((scope) => /_organization_admin$/.test(scope))).toBe(true);
    expect(scopes).not.toContain('openid');
    expect(scopes).not.toContain('profile');
  });

  it('reads `communityManagement` on the linkedin entry of SOCIAL_APPS', () => {
    expect(
      parseOperatorApps('SOCIAL_APPS', '{"linkedin": {"clientId": "l", "communityManagement": true}}'),
    ).toEqual({ linkedin: { clientId: 'l', communityManagement: true } });
  });

  it.each([
    ['on another network', '{"x": {"clientId": "a", "communityManagement": true}}', /x\.communityManagement/],
    ['when not true or false', '{"linkedin": {"clientId": "l", "communityManagement": "yes"}}', /linkedin/],
  ])('refuses it %s, naming the field', (_, raw, message) => {
    expect(() => parseOperatorApps('SOCIAL_APPS', raw)).toThrow(ConfigError);
    expect(() => parseOperatorApps('SOCIAL_APPS', raw)).toThrow(message);
  });
});
