import { describe, expect, it } from 'vitest';
import { APP_NETWORKS, parseOperatorApps } from '../../shared/domain/settings/operator-apps.ts';
import { ConfigError } from '../../shared/domain/settings/parse-env.ts';

describe("the operator's developer apps", () => {
  it('are the networks signed in through a consent page, not Mastodon (per instance) nor Bluesky', () => {
    expect([...APP_NETWORKS].sort()).toEqual(['facebook', 'linkedin', 'threads', 'x']);
  });

  it('reads a client id, with or without a secret, per network; none at all is no app', () => {
    expect(parseOperatorApps('SOCIAL_APPS', undefined)).toEqual({});
    expect(parseOperatorApps('SOCIAL_APPS', '  ')).toEqual({});
    expect(
      parseOperatorApps(
        'SOCIAL_APPS',
        '{"x": {"clientId": " abc "}, "linkedin": {"clientId": "l", "clientSecret": "s"}}',
      ),
    ).toEqual({ x: { clientId: 'abc' }, linkedin: { clientId: 'l', clientSecret: 's' } });
  });

  it.each([
    ['not JSON', '{x:', /is not JSON/],
    ['a network that takes no app', '{"mastodon": {"clientId": "m"}}', /mastodon.*networks: /],
    ['an empty client id', '{"x": {"clientId": ""}}', /x\.clientId: clientId is empty/],
    ['a stray field', '{"x": {"clientId": "a", "token": "t"}}', /x\.token/],
  ])('refuses %s, naming the field', (_, raw, message) => {
    expect(() => parseOperatorApps('SOCIAL_APPS', raw)).toThrow(ConfigError);
    expect(() => parseOperatorApps('SOCIAL_APPS', raw)).toThrow(message);
  });
});
