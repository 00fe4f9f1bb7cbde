import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBlueskyFake } from '../../infra/local/social/bluesky/fake.ts';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import type { FakeNetwork } from '../../infra/local/social/fake-network.ts';
import { guardedFetch } from '../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../shared/adapters/http/stand-ins.ts';
import { discoverAtprotoSignIn } from '../../shared/adapters/social/bluesky/oauth-discovery.ts';

let fake: FakeNetwork;
let control: ReturnType<typeof fakeControl>;
const discover = (standIns: string[] = [fake.url]) =>
  discoverAtprotoSignIn(guardedFetch({ standIns: new StandIns(standIns) }), {
    handleResolver: fake.url,
    plcDirectory: fake.url,
  });

beforeAll(async () => {
  fake = await startBlueskyFake({ appPassword: 'abcd-efgh-ijkl-mnop' });
  control = fakeControl(fake.url);
});
afterAll(() => fake.close());
beforeEach(() => control.reset());

describe('finding her PDS and its sign-in from her handle', () => {
  it('walks handle → DID → DID document → PDS → protected resource → authorization server', async () => {
    const found = await discover()('dimanche.bsky.social');

    expect(found).toEqual({
      ok: true,
      signIn: {
        did: 'did:plc:dimanche2local3fake4pds',
        handle: 'dimanche.bsky.social',
        pds: fake.url,
        server: {
          issuer: fake.url,
          authorizationEndpoint: `${fake.url}/oauth/authorize`,
          tokenEndpoint: `${fake.url}/oauth/token`,
          parEndpoint: `${fake.url}/oauth/par`,
          revocationEndpoint: `${fake.url}/oauth/revoke`,
        },
      },
    });
    const paths = (await control.requests()).map((request) => request.path);
    expect(paths).toEqual([
      '/xrpc/com.atproto.identity.resolveHandle',
      '/did:plc:dimanche2local3fake4pds',
      '/.well-known/oauth-protected-resource',
      '/.well-known/oauth-authorization-server',
    ]);
  });

  it('says her PDS offers no OAuth when it publishes no metadata: she uses an app password', async () => {
    await control.command('oauth', { enabled: false });

    expect(await discover()('dimanche.bsky.social')).toMatchObject({ ok: false, error: 'no_oauth' });
  });

  it('says so when the metadata lacks what atproto requires, or names another issuer', async () => {
    await control.queue({
      match: 'oauth-authorization-server',
      status: 200,
      body: { issuer: fake.url, authorization_endpoint: `${fake.url}/oauth/authorize` },
    });
    expect(await discover()('dimanche.bsky.social')).toMatchObject({ ok: false, error: 'no_oauth' });

    await control.queue({
      match: 'oauth-protected-resource',
      status: 200,
      body: { resource: fake.url, authorization_servers: ['https://elsewhere.example/path'] },
    });
    expect(await discover()('dimanche.bsky.social')).toMatchObject({ ok: false, error: 'no_oauth' });
  });

  it('refuses a handle that does not resolve, or whose DID document does not claim it', async () => {
    expect(await discover()('someone.else.example')).toMatchObject({ ok: false, error: 'unknown_handle' });

    await control.queue({
      match: '/did:plc:',
      status: 200,
      body: {
        id: 'did:plc:dimanche2local3fake4pds',
        alsoKnownAs: ['at://impostor.example'],
        service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: fake.url }],
      },
    });
    expect(await discover()('dimanche.bsky.social')).toMatchObject({ ok: false, error: 'unknown_handle' });
  });

  it('goes only where the guarded client lets it: a private address from her input is never fetched', async () => {
    expect(await discover([])('dimanche.bsky.social')).toMatchObject({ ok: false, error: 'unknown_handle' });
    expect(await control.requests()).toHaveLength(0);
  });

  it('waits when a server does not answer, instead of sending her to the app password', async () => {
    await control.queue({ match: 'oauth-protected-resource', status: 503, body: {} });

    expect(await discover()('dimanche.bsky.social')).toMatchObject({ ok: false, error: 'unavailable' });
  });
});
