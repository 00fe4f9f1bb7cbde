import type { OAuthProvider } from '../../../shared/domain/accounts/oauth-provider.ts';
import { jsonBody, type Route } from '../social/fake-network.ts';
import { type Clock, systemClock } from '../../../shared/ports/clock.ts';
import {
  type FakeAuthorizationServer,
  type FakeOAuthClient,
  type FakeOAuthPolicy,
  startFakeAuthorizationServer,
} from './fake-authorization-server.ts';
import { localApp, localProvider } from './local-sign-in.ts';

/** A fake network's own sign-in: its authorization server, the local app registered there, its provider. */
export type NetworkSignIn = {
  server: FakeAuthorizationServer;
  app: FakeOAuthClient;
  provider: OAuthProvider;
  /** Whether a bearer token is one this server issued and still honours (not expired on the Clock, not revoked). */
  accepts: (accessToken: string | undefined) => boolean;
};

/** Starts the authorization server a network fake checks its bearer tokens against. */
export const startNetworkSignIn = async (
  network: string,
  options: {
    policy: FakeOAuthPolicy;
    subject: string;
    name: string;
    scopes: readonly string[];
    clock?: Clock;
    /** More developer apps than the local one (a test's, with its own redirect address). */
    clients?: readonly FakeOAuthClient[];
  },
): Promise<NetworkSignIn> => {
  const app = localApp(network);
  const server = await startFakeAuthorizationServer({
    clock: options.clock ?? systemClock,
    clients: [app, ...(options.clients ?? [])],
    policy: options.policy,
    subject: options.subject,
    name: options.name,
  });
  return {
    server,
    app,
    provider: localProvider(network, server, app, {
      scopes: options.scopes,
      rotates: options.policy.rotates,
    }),
    accepts: (accessToken) => accessToken !== undefined && server.verify(accessToken) !== undefined,
  };
};

/**
 * The fake's developer console, under its `/__fake/` controls: the local app and the sign-in's endpoints (what
 * the operator copies from a network's console), and `POST …/redirect-uris` `{ "uri": … }` to register the
 * studio's exact callback once its port is known.
 */
export const signInControls = (signIn: NetworkSignIn): Route[] => [
  {
    method: 'GET',
    path: /^\/__fake\/oauth$/,
    handle: () => ({
      status: 200,
      body: {
        authorizationEndpoint: signIn.server.authorizationEndpoint,
        tokenEndpoint: signIn.server.tokenEndpoint,
        revocationEndpoint: signIn.server.revocationEndpoint,
        clientId: signIn.app.clientId,
        ...(signIn.app.clientSecret ? { clientSecret: signIn.app.clientSecret } : {}),
      },
    }),
  },
  {
    method: 'POST',
    path: /^\/__fake\/oauth\/redirect-uris$/,
    handle: (request) => {
      const uri = jsonBody<{ uri?: string }>(request)?.uri;
      if (!uri || !URL.canParse(uri)) return { status: 400, body: { error: 'uri must be an absolute URL' } };
      signIn.server.allowRedirect(signIn.app.clientId, uri);
      return { status: 204 };
    },
  },
];
