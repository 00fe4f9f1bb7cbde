import { oauthProviderFor } from '../../domain/accounts/sign-in.ts';
import type { SignIn } from '../../domain/accounts/sign-in.ts';
import type { OutboundFetch } from '../../ports/outbound-fetch.ts';
import { beginNetworkConnect, type NetworkConnectDeps } from './connect-network.ts';
import { type InstanceAppDeps, instanceApp } from './instance-app.ts';

export type InstanceConnectDeps = Pick<
  NetworkConnectDeps,
  'oauth' | 'accounts' | 'clock' | 'random' | 'redirectUri'
> &
  InstanceAppDeps & { outbound: OutboundFetch; website?: string };

export type InstanceConnectResult =
  | { ok: true; consentUrl: string }
  | {
      ok: false;
      /**
       * `invalid_address`: not a web address; `private_address`: one of this network's own machines (refused
       * by the guarded client); `unreachable`: no answer; `not_mastodon`: a server that is not an instance;
       * `refused`: the instance would not register the app.
       */
      error: 'invalid_address' | 'private_address' | 'unreachable' | 'not_mastodon' | 'refused';
    };

/** `piaille.fr`, `https://piaille.fr/@moi`: the instance's https origin; undefined when it is no address. */
export const instanceOrigin = (typed: string): string | undefined => {
  const text = typed.trim().replace(/^@?[^@\s/]+@(?=[^@/\s]+$)/, '');
  if (!text || /\s/.test(text)) return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    return ['https:', 'http:'].includes(url.protocol) && url.hostname.includes('.') ? url.origin : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Her Mastodon "Connecter": the address she typed, checked through the guarded client (never one of our own
 * machines), Dimanche's app on that instance (registered once), then the instance's consent page.
 */
export const beginInstanceConnect = async (
  network: string,
  typed: string,
  signIn: SignIn,
  deps: InstanceConnectDeps,
): Promise<InstanceConnectResult> => {
  const origin = instanceOrigin(typed);
  if (!origin || signIn.kind !== 'instance-oauth') return { ok: false, error: 'invalid_address' };
  const probe = await deps.outbound(`${origin}/api/v2/instance`, {
    redirects: 0,
    timeoutMs: 10_000,
    maxBytes: 256 * 1024,
  });
  if (probe.kind === 'refused')
    return { ok: false, error: probe.reason === 'not_public' ? 'private_address' : 'invalid_address' };
  if (probe.kind === 'failed') return { ok: false, error: 'unreachable' };
  await probe.discard();
  if (probe.status !== 200) return { ok: false, error: 'not_mastodon' };
  const app = await instanceApp(
    origin,
    {
      clientName: 'Dimanche',
      redirectUri: deps.redirectUri(network),
      scopes: signIn.scopes,
      ...(deps.website ? { website: deps.website } : {}),
    },
    deps,
  );
  if (!app.ok) return { ok: false, error: app.error === 'refused' ? 'refused' : 'unreachable' };
  const provider = oauthProviderFor(network, signIn, app.app, { instance: origin });
  if (!provider) return { ok: false, error: 'invalid_address' };
  return { ok: true, consentUrl: await beginNetworkConnect(network, provider, deps, origin) };
};
