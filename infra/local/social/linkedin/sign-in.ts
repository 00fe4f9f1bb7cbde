import { oauthProviderFor } from '../../../../shared/domain/accounts/sign-in.ts';
import { linkedin } from '../../../../shared/domain/social/networks/linkedin.ts';
import type { Clock } from '../../../../shared/ports/clock.ts';
import type { FakeOAuthClient } from '../../oauth/fake-authorization-server.ts';
import { type NetworkSignIn, signInControls, startNetworkSignIn } from '../../oauth/network-sign-in.ts';
import { LINKEDIN_POLICY } from '../../oauth/policies.ts';
import { type FakeAnswer, type FakeRequest, params, type Route } from '../fake-network.ts';

/** Sign In with LinkedIn's scopes: LinkedIn refuses them to an app that has the Community Management API. */
const OPENID_SCOPES = ['openid', 'profile', 'email'];

/** What the operator's app asks, as the studio would: with the Community Management API or without. */
export const linkedInScopes = (communityManagement: boolean): readonly string[] =>
  oauthProviderFor('linkedin', linkedin.signIn, { clientId: 'local', communityManagement })?.scopes ?? [];

/** The fake's OAuth server, its developer app asking the scopes its products allow. */
export const startLinkedInSignIn = (options: {
  subject: string;
  communityManagement: boolean;
  clock?: Clock;
  clients?: readonly FakeOAuthClient[];
}): Promise<NetworkSignIn> =>
  startNetworkSignIn('linkedin', {
    policy: LINKEDIN_POLICY,
    subject: options.subject,
    name: 'LinkedIn',
    scopes: linkedInScopes(options.communityManagement),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.clients ? { clients: options.clients } : {}),
  });

/** The authorization page, where LinkedIn has it (`/oauth/v2/authorization` on its own host). */
export const AUTHORIZATION_PATH = '/oauth/v2/authorization';

/**
 * LinkedIn's authorization page in front of the fake OAuth server: the server's consent page and its form,
 * passed through, except that an app with the Community Management API asking an OpenID scope is sent back
 * with LinkedIn's `unauthorized_scope_error` (once the server has vouched for the app and its redirect).
 */
export const linkedInAuthorization = (signIn: NetworkSignIn, communityManagement: boolean): Route[] => {
  const forward = async (request: FakeRequest): Promise<FakeAnswer> => {
    const target = new URL('/oauth/authorize', signIn.server.origin);
    target.search = request.query.toString();
    const post = request.method === 'POST';
    const answer = await fetch(target, {
      method: request.method,
      redirect: 'manual',
      ...(post
        ? { body: request.body, headers: { 'content-type': String(request.headers['content-type']) } }
        : {}),
    });
    const location = answer.headers.get('location');
    return {
      status: answer.status,
      headers: {
        'content-type': answer.headers.get('content-type') ?? 'text/plain',
        ...(location ? { location } : {}),
      },
      body: Buffer.from(await answer.arrayBuffer()),
    };
  };
  const authorize = async (request: FakeRequest): Promise<FakeAnswer> => {
    const form = params(request);
    const refused = communityManagement
      ? (form.scope ?? '').split(/[\s,]+/).find((scope) => OPENID_SCOPES.includes(scope))
      : undefined;
    if (!refused) return forward(request);
    // The server's page first: an unknown app or redirect gets its error page, never a redirect.
    const checked = await forward({
      ...request,
      method: 'GET',
      query: new URLSearchParams(form),
      body: Buffer.alloc(0),
    });
    if (checked.status !== 200) return checked;
    const back = new URL(form.redirect_uri ?? '');
    back.searchParams.set('error', 'unauthorized_scope_error');
    back.searchParams.set('error_description', `Scope "${refused}" is not authorized for your application`);
    if (form.state) back.searchParams.set('state', form.state);
    return { status: 302, headers: { location: back.href } };
  };
  return [
    { method: 'GET', path: /^\/oauth\/v2\/authorization$/, handle: authorize },
    // The consent page's own form posts back to the host it was read from.
    { method: 'POST', path: /^\/oauth\/authorize$/, handle: authorize },
  ];
};

/**
 * The fake's developer console: the network's (`signInControls`), with the authorization page on the fake's
 * own host and whether the app has the Community Management API, as the operator copies them into SOCIAL_APPS.
 */
export const linkedInConsole = (signIn: NetworkSignIn, communityManagement: boolean): Route[] => {
  const [read, ...rest] = signInControls(signIn);
  if (!read) return rest;
  return [
    {
      ...read,
      handle: async (request, found) => {
        const answer = await read.handle(request, found);
        const host = request.headers.host ?? '';
        const body = {
          ...(answer.body as Record<string, unknown>),
          authorizationEndpoint: `http://${host}${AUTHORIZATION_PATH}`,
          communityManagement,
        };
        return { ...answer, body };
      },
    },
    ...rest,
  ];
};
