import { describe, expect, it } from 'vitest';
import { loadAwsApiConfig } from '../../../shared/domain/settings/aws-app.ts';
import { ConfigError } from '../../../shared/domain/settings/parse-env.ts';
import { socialSettings } from '../../../shared/domain/settings/social.ts';

const apiEnv = {
  PUBLIC_BASE_URL: 'https://newsletter.example.org',
  TABLE_NAME: 't',
  RENDER_FUNCTION_NAME: 'render',
  SECRETS_ARN: 'arn:aws:secretsmanager:eu-west-3:1:secret:x',
  AWS_REGION: 'eu-west-3',
  SENDER_ADDRESS: 'sunday@newsletter.example.org',
  SENDER_NAME: 'Online Sunday Morning Sound',
  AWS_SESSION_TOKEN: 'token',
};

describe('the social configuration, read once with the rest', () => {
  it("defaults to no network, no hashtag and Mastodon's own limits", () => {
    expect(socialSettings(loadAwsApiConfig(apiEnv))).toEqual({
      networks: [],
      hashtags: [],
      rules: { mastodon: { maxCharacters: 500, charactersReservedPerUrl: 23 } },
    });
  });

  it('reads networks and hashtags written either way, and the instance limits as numbers', () => {
    const config = loadAwsApiConfig({
      ...apiEnv,
      SOCIAL_NETWORKS: 'Mastodon, bluesky,x,x',
      SOCIAL_HASHTAGS: '#playlist #musique, FêteDeLaMusique',
      MASTODON_MAX_CHARACTERS: '1000',
      MASTODON_CHARACTERS_RESERVED_PER_URL: '30',
    });
    expect(socialSettings(config)).toEqual({
      networks: ['mastodon', 'bluesky', 'x'],
      hashtags: ['playlist', 'musique', 'FêteDeLaMusique'],
      rules: { mastodon: { maxCharacters: 1000, charactersReservedPerUrl: 30 } },
    });
  });

  it.each([
    ['an unknown network', { SOCIAL_NETWORKS: 'mastodon,myspace' }, /SOCIAL_NETWORKS may only name/],
    ['a hashtag with no letter', { SOCIAL_HASHTAGS: '#playlist #34' }, /SOCIAL_HASHTAGS must be words/],
    ['a hashtag with a hyphen', { SOCIAL_HASHTAGS: '#week-end' }, /SOCIAL_HASHTAGS must be words/],
    ['a Mastodon limit too small to hold a post', { MASTODON_MAX_CHARACTERS: '50' }, /at least 100/],
    ['a Mastodon limit that is not a number', { MASTODON_CHARACTERS_RESERVED_PER_URL: 'x' }, /whole number/],
  ])('fails fast naming the variable for %s', (_case, env, message) => {
    expect(() => loadAwsApiConfig({ ...apiEnv, ...env })).toThrow(ConfigError);
    expect(() => loadAwsApiConfig({ ...apiEnv, ...env })).toThrow(message);
  });
});
