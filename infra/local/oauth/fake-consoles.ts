import { guardedFetch } from '../../../shared/adapters/http/guarded-fetch.ts';
import { localAtprotoApp } from '../social/bluesky/local-atproto-app.ts';
import { StandIns } from '../../../shared/adapters/http/stand-ins.ts';
import { NETWORK_REGISTRY } from '../../../shared/domain/social/registry.ts';
import type { OperatorApps } from '../../../shared/domain/settings/operator-apps.ts';
import type { OutboundFetch } from '../../../shared/ports/outbound-fetch.ts';
import type { SignInEndpoints } from '../../../functions/wiring/studio-accounts.ts';

/** What a fake's console shows; `communityManagement`: its LinkedIn app has that product (organisation pages). */
type Console = SignInEndpoints & { clientId: string; clientSecret?: string; communityManagement?: boolean };

export class FakeConsoleError extends Error {
  override name = 'FakeConsoleError';
}

/**
 * One machine's operator at the fakes' developer consoles (`/__fake/oauth`): each fake's local app is the
 * operator's app, the studio's exact callback is registered with it (its port is known only once the runtime
 * has started), and the guarded client may reach the fakes and their authorization servers, nothing else local.
 * Read once, on the first "Connecter".
 */
export const fakeConsoles = (
  fakes: Partial<Record<string, string>>,
  redirectUri: (network: string) => string,
) => {
  let read:
    Promise<{ consoles: Record<string, Console>; outbound: OutboundFetch; apps: OperatorApps }> | undefined;
  const readAll = async () => {
    const consoles: Record<string, Console> = {};
    for (const [network, url] of Object.entries(fakes)) {
      // Only the networks signed in with the operator's app have a console (not Mastodon, nor Bluesky).
      if (!url || !NETWORK_REGISTRY.has(network) || NETWORK_REGISTRY.row(network).signIn.kind !== 'oauth')
        continue;
      const answer = await fetch(`${url}/__fake/oauth`);
      if (!answer.ok) throw new FakeConsoleError(`${network}: ${url}/__fake/oauth answered ${answer.status}`);
      consoles[network] = (await answer.json()) as Console;
      const registered = await fetch(`${url}/__fake/oauth/redirect-uris`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ uri: redirectUri(network) }),
      });
      if (!registered.ok) throw new FakeConsoleError(`${network}: the redirect address was refused`);
    }
    const origins = [
      ...Object.values(fakes).filter((url): url is string => Boolean(url)),
      ...Object.values(consoles).map((found) => new URL(found.tokenEndpoint).origin),
    ];
    // Bluesky's atproto client has no console: the fake PDS holds its key and is handed its metadata document.
    const bluesky = fakes.bluesky ? await localAtprotoApp(fakes.bluesky, redirectUri('bluesky')) : undefined;
    return {
      consoles,
      outbound: guardedFetch({ standIns: new StandIns(origins) }),
      apps: bluesky ? { bluesky } : {},
    };
  };
  const once = () => {
    read ??= readAll().catch((error: unknown) => {
      read = undefined;
      throw error;
    });
    return read;
  };
  return {
    apps: async (): Promise<OperatorApps> => ({
      ...Object.fromEntries(
        Object.entries((await once()).consoles).map(([network, found]) => [
          network,
          {
            clientId: found.clientId,
            ...(found.clientSecret ? { clientSecret: found.clientSecret } : {}),
            ...(found.communityManagement ? { communityManagement: true } : {}),
          },
        ]),
      ),
      ...(await once()).apps,
    }),
    signIn: async (network: string): Promise<SignInEndpoints | undefined> => {
      const found = (await once()).consoles[network];
      return (
        found && {
          authorizationEndpoint: found.authorizationEndpoint,
          tokenEndpoint: found.tokenEndpoint,
          ...(found.revocationEndpoint ? { revocationEndpoint: found.revocationEndpoint } : {}),
        }
      );
    },
    api: (network: string) => fakes[network],
    outbound: (async (url, request) => (await once()).outbound(url, request)) as OutboundFetch,
  };
};

/** The social accounts' base URLs that are this machine's fakes (loopback): a file of real accounts has none. */
export const localFakesOf = (accounts: Partial<Record<string, { baseUrl: string }>>) =>
  Object.fromEntries(
    Object.entries(accounts).flatMap(([network, account]) =>
      account && ['127.0.0.1', 'localhost'].includes(new URL(account.baseUrl).hostname)
        ? [[network, account.baseUrl]]
        : [],
    ),
  );
