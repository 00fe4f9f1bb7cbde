import { afterEach, describe, expect, it } from 'vitest';
import { signInLocally } from '../../infra/local/oauth/local-sign-in.ts';
import { type LinkedInFake, startLinkedInFake } from '../../infra/local/social/linkedin/fake.ts';
import { linkedInPublisher } from '../../shared/adapters/social/linkedin/publisher.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { composedPost } from './social-fixtures.ts';

const PAGE = 'urn:li:organization:5515715';
const MEMBER = 'urn:li:person:mE3mbr0Dim4nche';
const started: LinkedInFake[] = [];
const fake = async (options: { communityManagement?: boolean; role?: string } = {}) => {
  const linkedIn = await startLinkedInFake({ author: PAGE, ...options });
  started.push(linkedIn);
  return linkedIn;
};
afterEach(async () => {
  await Promise.all(started.splice(0).map((linkedIn) => linkedIn.close()));
});

/** A member token from the fake's consent page, for exactly these scopes. */
const tokenFor = async (linkedIn: LinkedInFake, scopes: readonly string[]) =>
  (await signInLocally({ ...linkedIn.signIn.provider, scopes }, linkedIn.signIn.app, systemClock))
    .accessToken;

const get = async (linkedIn: LinkedInFake, path: string, token: string) => {
  const answer = await fetch(`${linkedIn.url}${path}`, {
    headers: {
      authorization: `Bearer ${token}`,
      'linkedin-version': '202611',
      'x-restli-protocol-version': '2.0.0',
    },
  });
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
};

const publishAs = (linkedIn: LinkedInFake, author: string, accessToken: string) =>
  linkedInPublisher({ baseUrl: linkedIn.url, accessToken, author, version: '202611' }).publish({
    post: composedPost('linkedin'),
    idempotencyKey: 'k',
  });

describe('the fake LinkedIn, as strict about permissions as LinkedIn', () => {
  it('answers each identity call only for its scope, else 403 ACCESS_DENIED', async () => {
    const linkedIn = await fake({ communityManagement: false });
    const member = await tokenFor(linkedIn, ['openid', 'profile', 'w_member_social']);
    expect((await get(linkedIn, '/v2/userinfo', member)).body).toMatchObject({ sub: 'mE3mbr0Dim4nche' });
    for (const path of ['/v2/me', '/rest/organizationAcls?q=roleAssignee', '/rest/organizations/5515715'])
      expect(await get(linkedIn, path, member), path).toMatchObject({
        status: 403,
        body: { code: 'ACCESS_DENIED' },
      });
    const organisation = await tokenFor(linkedIn, ['r_basicprofile', 'r_organization_admin']);
    expect((await get(linkedIn, '/v2/me', organisation)).body).toMatchObject({ id: 'mE3mbr0Dim4nche' });
    expect((await get(linkedIn, '/v2/userinfo', organisation)).status).toBe(403);
    expect((await get(linkedIn, '/rest/organizationAcls?q=roleAssignee', organisation)).body).toMatchObject({
      elements: [{ organization: PAGE, role: 'ADMINISTRATOR' }],
    });
  });

  it('sends an app with the Community Management API back from its page when it asks an OpenID scope', async () => {
    const linkedIn = await fake();
    const { provider, app } = linkedIn.signIn;
    const authorize = (redirectUri: string) => {
      const url = new URL(provider.authorizationEndpoint);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: app.clientId,
        redirect_uri: redirectUri,
        scope: 'openid profile w_member_social',
        state: 'st4te',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      }).toString();
      return fetch(url, { redirect: 'manual' });
    };
    const refused = await authorize(app.redirectUris[0] ?? '');
    expect(refused.status).toBe(302);
    const back = new URL(refused.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(app.redirectUris[0]);
    expect(Object.fromEntries(back.searchParams)).toEqual({
      error: 'unauthorized_scope_error',
      error_description: 'Scope "openid" is not authorized for your application',
      state: 'st4te',
    });
    // An address the app did not register gets the error page, never a redirect to it.
    expect((await authorize('https://elsewhere.example/callback')).status).toBe(400);
  });

  it('posts as her with w_member_social, as the page only with w_organization_social', async () => {
    const linkedIn = await fake({ communityManagement: false });
    const member = await tokenFor(linkedIn, ['openid', 'profile', 'w_member_social']);
    expect(await publishAs(linkedIn, MEMBER, member)).toMatchObject({ kind: 'published' });
    // Posting as the page without the scope: LinkedIn's 403 ACCESS_DENIED, which only a new consent fixes.
    expect(await publishAs(linkedIn, PAGE, member)).toMatchObject({
      kind: 'needs_reconnect',
      detail: expect.stringContaining('ACCESS_DENIED'),
    });
  });

  it('posts as the page only while she is its ADMINISTRATOR', async () => {
    const admin = await fake();
    const token = await tokenFor(admin, admin.signIn.provider.scopes);
    expect(await publishAs(admin, PAGE, token)).toMatchObject({ kind: 'published' });
    const analyst = await fake({ role: 'ANALYST' });
    const scoped = await tokenFor(analyst, analyst.signIn.provider.scopes);
    expect(
      (await get(analyst, '/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR', scoped)).body,
    ).toMatchObject({ elements: [] });
    expect(await publishAs(analyst, PAGE, scoped)).toMatchObject({ kind: 'needs_reconnect' });
  });
});
