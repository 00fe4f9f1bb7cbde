import { type Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { currentSession } from '../../shared/usecases/studio/studio-sign-in.ts';
import { COOKIE, type StudioEnv } from './session.ts';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { NETWORK_NAMES } from '../../shared/domain/social/network-names.ts';
import { NETWORK_REGISTRY } from '../../shared/domain/social/registry.ts';
import { accountStrings } from '../../shared/i18n/studio/account-strings.ts';
import { blueskyStrings } from '../../shared/i18n/studio/bluesky-strings.ts';
import { beginBlueskyOAuth, finishBlueskyOAuth } from '../../shared/adapters/social/bluesky/oauth-connect.ts';
import { connectWithAppPassword } from '../../shared/usecases/accounts/connect-app-password.ts';
import { beginInstanceConnect } from '../../shared/usecases/accounts/connect-instance.ts';
import {
  beginNetworkConnect,
  chooseAccount,
  type NetworkConnectResult,
} from '../../shared/usecases/accounts/connect-network.ts';
import { finishNetworkConnect } from '../../shared/usecases/accounts/connect-network.ts';
import { disconnectAccount } from '../../shared/usecases/accounts/disconnect-account.ts';
import { choosePage, onTheWayPage } from '../../emails/studio/account-pages.tsx';
import { errorPage } from '../../emails/studio/error-page.tsx';
import { accountUrls } from './account-urls.ts';
import type { StudioDeps } from './studio-deps.ts';

const STATUS: Record<string, ContentfulStatusCode> = {
  unknown_state: 409,
  denied: 403,
  refused: 502,
  unavailable: 503,
  unreachable: 502,
  no_app: 404,
  not_connected: 409,
  no_oauth: 409,
};

const field = (form: Record<string, unknown>, name: string) =>
  typeof form[name] === 'string' ? form[name] : '';

/**
 * Réglages' "Connecter" and "Déconnecter" (`/studio/accounts/:network/…`), and the network's way back: every
 * step but the first arrival from the network's site (see `open`) runs in her session, the forms with its CSRF
 * token; the one-time state, and the one-time hold of her pick after it, tie each step to the one before.
 */
export const accountRoutes = (deps: StudioDeps) => {
  const { language } = deps.studio;
  const a = accountStrings(language);
  const b = blueskyStrings(language);
  const urls = accountUrls(deps.settings.publicBaseUrl);
  const accounts = deps.studio.accounts;
  const known = (network: string) => NETWORK_REGISTRY.has(network);
  const name = (network: string) => NETWORK_NAMES[network as keyof typeof NETWORK_NAMES] ?? network;
  const problem = (c: Context<StudioEnv>, error: string) => {
    const shown = a.problems[error] ??
      b.problems[error] ??
      a.problems.unavailable ?? { title: '', detail: '' };
    const csrf = c.get('session')?.csrfToken;
    return c.html(
      errorPage(
        language,
        {
          status: STATUS[error] ?? 422,
          title: shown.title,
          detail: shown.detail,
          lines: [],
          // Her next step is in Réglages, where every error of this flow tells her to go.
          back: { href: '/studio/settings#social', label: a.backToSettings },
        },
        csrf,
      ),
      STATUS[error] ?? 422,
    );
  };
  const connected = (
    c: Context<StudioEnv>,
    network: string,
    result: NetworkConnectResult | { ok: false; error: string },
  ) => {
    if (!result.ok) {
      deps.logger.info('account not connected', { network, error: result.error });
      return problem(c, result.error);
    }
    if ('choose' in result)
      return c.html(choosePage({ language, network, ...result.choose, csrf: c.get('session').csrfToken }));
    deps.logger.info('account connected', { network, state: result.account.state });
    return c.html(
      onTheWayPage(language, a.connectedNotice(name(network), result.account.label), urls.settings(network)),
    );
  };

  /**
   * The network's way back comes from its site, so her SameSite=Strict session cookie is not sent with it: the
   * first arrival gets a page that reloads the same address from the studio itself, which carries the cookie.
   * Nothing is read or spent before the session is there (the state stays unused); `bounced` stops a loop when
   * she really has no session (then the sign-in page, as for any studio address).
   */
  const open = new Hono<StudioEnv>()
    // atproto has no client registry: her server reads the client here, at its client_id (a public document).
    .get('/bluesky/client-metadata.json', async (c) => {
      const oauth = await accounts?.blueskyOAuth?.();
      if (!oauth) return c.json({ error: 'not_found' }, 404);
      return c.json(oauth.clientMetadata, 200, { 'cache-control': 'max-age=300' });
    })
    .get('/:network/callback', async (c, next) => {
      const query = c.req.query();
      const session = await currentSession(getCookie(c, COOKIE, 'host'), {
        auth: deps.studio.auth,
        clock: deps.clock,
      });
      if (session || !query.state || query.bounced) return next();
      const again = new URL(c.req.url);
      again.searchParams.set('bounced', '1');
      return c.html(
        onTheWayPage(language, a.backFrom(name(c.req.param('network'))), `${again.pathname}${again.search}`),
      );
    });

  /** From Réglages, signed in, with the CSRF token (the session middleware checks it). */
  const signedIn = new Hono<StudioEnv>()
    .get('/:network/callback', async (c) => {
      const network = c.req.param('network');
      if (!accounts || !known(network)) return problem(c, 'unknown_state');
      const query = c.req.query();
      const callback = {
        ...(query.state ? { state: query.state } : {}),
        ...(query.code ? { code: query.code } : {}),
        ...(query.error ? { error: query.error } : {}),
      };
      if (NETWORK_REGISTRY.row(network).signIn.kind === 'app-password') {
        // Only Bluesky's OAuth sends her back here; without the operator's client there is none under way.
        const oauth = await accounts.blueskyOAuth?.();
        if (!oauth) return problem(c, 'unknown_state');
        const back = { ...callback, ...(query.iss ? { iss: query.iss } : {}) };
        return connected(c, network, await finishBlueskyOAuth(network, back, oauth.deps));
      }
      return connected(c, network, await finishNetworkConnect(network, callback, accounts));
    })
    .post('/:network/choose', async (c) => {
      const network = c.req.param('network');
      if (!accounts || !known(network)) return problem(c, 'unknown_state');
      const form = await c.req.parseBody();
      const choice = { hold: field(form, 'hold'), id: field(form, 'choice') };
      return connected(c, network, await chooseAccount(network, choice, accounts));
    })
    .post('/:network/connect', async (c) => {
      const network = c.req.param('network');
      if (!accounts || !known(network)) return problem(c, 'no_app');
      const { signIn } = NETWORK_REGISTRY.row(network);
      const csrf = c.get('session').csrfToken;
      const form = await c.req.parseBody();
      if (signIn.kind === 'app-password' && !field(form, 'password').trim()) {
        // Her handle alone: her server's own sign-in page where it offers one, else the app password.
        const oauth = await accounts.blueskyOAuth?.();
        if (!oauth) return problem(c, 'no_oauth');
        const begun = await beginBlueskyOAuth(network, field(form, 'handle'), oauth.deps);
        if (!begun.ok) return problem(c, begun.error);
        return c.html(onTheWayPage(language, a.onTheWay(name(network)), begun.consentUrl, csrf));
      }
      if (signIn.kind === 'app-password') {
        const result = await connectWithAppPassword(
          network,
          { handle: field(form, 'handle'), password: field(form, 'password') },
          accounts,
        );
        return connected(c, network, result);
      }
      if (signIn.kind === 'instance-oauth') {
        const begun = await beginInstanceConnect(network, field(form, 'instance'), signIn, accounts);
        if (!begun.ok) return problem(c, begun.error);
        return c.html(onTheWayPage(language, a.onTheWay(name(network)), begun.consentUrl, csrf));
      }
      const provider = await accounts.provider(network);
      if (!provider) return problem(c, 'no_app');
      const consentUrl = await beginNetworkConnect(network, provider, accounts);
      return c.html(onTheWayPage(language, a.onTheWay(name(network)), consentUrl, csrf));
    })
    .post('/:network/disconnect', async (c) => {
      const network = c.req.param('network');
      if (!accounts || !known(network)) return problem(c, 'not_connected');
      const stored = await accounts.accounts.get(network);
      const instance = stored?.profile?.baseUrl;
      // Revoked at the network where its app is known; else only forgotten here.
      const provider = (await accounts.provider(network, instance)) ?? {
        id: network,
        authorizationEndpoint: 'about:blank',
        tokenEndpoint: 'about:blank',
        scopes: [],
        clientId: '',
        clientAuth: 'none' as const,
        rotatesRefreshTokens: false,
      };
      const result = await disconnectAccount(provider, accounts);
      if (!result.ok) return problem(c, result.error);
      deps.logger.info('account disconnected', { network });
      return c.redirect(`/studio/settings?disconnected=${network}#social`, 303);
    });
  return { open, signedIn };
};
