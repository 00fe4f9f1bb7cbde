import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeWeb, fakeWebRoute, startFakeWeb } from '../../infra/local/stand-ins/music/fake-web.ts';
import { guardedFetch } from '../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../shared/adapters/http/stand-ins.ts';
import { oauthHarness, X_POLICY } from './oauth-harness.ts';

let web: FakeWeb;
let h: Awaited<ReturnType<typeof oauthHarness>>;
beforeAll(async () => {
  [web, h] = await Promise.all([startFakeWeb(), oauthHarness(X_POLICY, { confidential: false })]);
});
afterAll(async () => {
  await Promise.all([web.close(), h.server.close()]);
});

describe('a POST through the guarded client (token and revocation requests)', () => {
  it('carries its body, byte for byte', async () => {
    const outbound = guardedFetch({ standIns: new StandIns([h.server.origin]) });
    const answer = await outbound(h.server.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'pâté', client_id: 'dimanche-app' }).toString(),
    });
    if (answer.kind !== 'answer') throw new Error(answer.detail);
    const body = await answer.body();
    expect(answer.status).toBe(400);
    expect(body.kind === 'body' && JSON.parse(Buffer.from(body.bytes).toString('utf8'))).toMatchObject({
      error: 'unsupported_grant_type',
      error_description: 'grant_type pâté',
    });
  });

  it('follows no redirect: a token endpoint that redirects gets its 3xx handed back', async () => {
    await web.control.redirect('https://auth.example/token', 'https://elsewhere.example/token');
    const outbound = guardedFetch({ standIns: new StandIns([web.url], fakeWebRoute(web.url)) });
    const answer = await outbound('https://auth.example/token', {
      method: 'POST',
      body: 'a=1',
      redirects: 5,
    });
    expect(answer).toMatchObject({ kind: 'answer', status: 301, redirects: [] });
  });

  it('refuses a token endpoint on a private address like any other fetch', async () => {
    const answer = await guardedFetch()(h.server.tokenEndpoint, { method: 'POST', body: 'a=1' });
    expect(answer).toMatchObject({ kind: 'refused', reason: 'not_public' });
  });
});
