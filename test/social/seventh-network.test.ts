import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialAccountsParser } from '../../shared/domain/settings/social-accounts.ts';
import { socialNetworksField } from '../../shared/domain/settings/social.ts';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import { SOCIAL_STAND_INS } from '../../infra/local/social/stand-ins.ts';
import { type StartedStandIns, startStandIns } from '../../infra/local/social/start-stand-ins.ts';
import { SOCIAL_ADAPTERS } from '../../shared/adapters/social/adapters.ts';
import { publishersFrom } from '../../shared/adapters/social/publishers-from.ts';
import { DEFAULT_COMPOSE_RULES } from '../../shared/domain/social/compose-length.ts';
import { composeNetworkPost } from '../../shared/domain/social/compose-post.ts';
import { NETWORK_REGISTRY } from '../../shared/domain/social/registry.ts';
import type { SocialPostSource } from '../../shared/domain/social/social-post.ts';
import { pixelfedAdapter } from './fixtures/pixelfed/adapter.ts';
import { pixelfed } from './fixtures/pixelfed/row.ts';
import { pixelfedStandIn } from './fixtures/pixelfed/stand-in.ts';
import { ISSUE_URL } from './social-fixtures.ts';

// A seventh network is its folder (fixtures/pixelfed/) plus one row in each table: the registry, the adapters,
// the stand-ins. Here the rows are added by extension, so no file of the app changes.
const registry = NETWORK_REGISTRY.extend(pixelfed);
const adapters = { ...SOCIAL_ADAPTERS, pixelfed: pixelfedAdapter };
const standIns = { ...SOCIAL_STAND_INS, pixelfed: pixelfedStandIn };

const source: SocialPostSource = {
  series: 34,
  title: 'Chambre en Provence',
  hook: 'Une heure de soleil, treize titres, et pas un nuage.',
  url: ISSUE_URL,
  hashtags: ['playlist'],
  language: 'fr',
  card: { url: ISSUE_URL, title: 'Dimanche #34 — Chambre en Provence', description: 'Une heure de soleil.' },
};

let started: StartedStandIns<typeof standIns>;
beforeAll(async () => {
  started = await startStandIns(standIns);
});
afterAll(() => started.close());

describe('a seventh network added as one folder and one row', () => {
  it('is listed after the six, with its brand name, while the app’s own registry is unchanged', () => {
    expect(registry.ids).toEqual([...NETWORK_REGISTRY.ids, 'pixelfed']);
    expect(registry.names.pixelfed).toBe('Pixelfed');
    expect(NETWORK_REGISTRY.has('pixelfed')).toBe(false);
    expect(() => NETWORK_REGISTRY.extend({ ...pixelfed, id: 'mastodon' })).toThrow(/share an id/);
  });

  it('composes its post within its own length rule', () => {
    const post = composeNetworkPost(registry.row('pixelfed'), source, DEFAULT_COMPOSE_RULES);
    expect(post).toMatchObject({ network: 'pixelfed', url: ISSUE_URL, language: 'fr' });
    expect(post.text).toContain(ISSUE_URL);
    expect(post.length).toEqual({ unit: 'graphemes', count: [...post.text].length, limit: 500 });
    expect(post.facets).toBeUndefined();
  });

  it('is a network SOCIAL_NETWORKS may name, and the refusal of an unknown one lists it', () => {
    const field = socialNetworksField(registry);
    expect(v.parse(field, 'Mastodon, pixelfed pixelfed')).toEqual(['mastodon', 'pixelfed']);
    const refused = v.safeParse(field, 'pixelfed, myspace');
    expect(refused.success).toBe(false);
    expect(refused.issues?.[0]?.message).toBe(
      'SOCIAL_NETWORKS may only name mastodon, bluesky, x, linkedin, facebook, threads, pixelfed',
    );
    expect(v.safeParse(socialNetworksField(NETWORK_REGISTRY), 'pixelfed').success).toBe(false);
  });

  it('has its account read from the accounts document by its own schema, every wrong field named', () => {
    const parse = socialAccountsParser(adapters);
    const document = { pixelfed: started.accounts.pixelfed, mastodon: started.accounts.mastodon };
    expect(parse('social.json', JSON.stringify(document))).toEqual(document);
    expect(() =>
      parse('social.json', JSON.stringify({ pixelfed: { baseUrl: 'ftp://pix', accessToken: ' ' } })),
    ).toThrow(
      /social\.json is invalid: pixelfed\.baseUrl: must be https.*; pixelfed\.accessToken: must not be empty/,
    );
    expect(() => socialAccountsParser(SOCIAL_ADAPTERS)('social.json', JSON.stringify(document))).toThrow(
      /pixelfed/,
    );
  });

  it('gets a publisher from the factory, which posts on its stand-in once and finds the post again', async () => {
    const publishers = publishersFrom(adapters)(started.accounts, { timeoutMs: 2_000 });
    expect(Object.keys(publishers)).toEqual([...registry.ids]);
    const publisher = publishers.pixelfed;
    const post = composeNetworkPost(registry.row('pixelfed'), source, DEFAULT_COMPOSE_RULES);
    const request = {
      post,
      idempotencyKey: 'dimanche-iss_34-pixelfed',
    };
    const outcome = await publisher?.publish(request);
    expect(outcome).toMatchObject({
      kind: 'published',
      postUrl: expect.stringContaining(started.urls.pixelfed),
    });
    expect(await publisher?.publish(request)).toEqual(outcome);
    expect(await fakeControl(started.urls.pixelfed).posts()).toHaveLength(1);
    expect(await publisher?.findRecent(ISSUE_URL)).toEqual(
      outcome?.kind === 'published' ? { postId: outcome.postId, postUrl: outcome.postUrl } : undefined,
    );
  });
});
