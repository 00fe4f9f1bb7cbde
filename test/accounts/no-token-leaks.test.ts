import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { consent } from '../../infra/local/oauth/consent.ts';
import { LocalSignInError } from '../../infra/local/oauth/local-sign-in.ts';
import { startXFake, type XFake } from '../../infra/local/social/x/fake.ts';
import { aesGcmSealer } from '../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { guardedFetch } from '../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../shared/adapters/http/stand-ins.ts';
import { memoryConnectedAccounts } from '../../shared/adapters/memory/connected-account-store.ts';
import { oauth4webapiClient } from '../../shared/adapters/oauth/oauth4webapi-client.ts';
import { xPublisher } from '../../shared/adapters/social/x/publisher.ts';
import type { TokenSet } from '../../shared/domain/accounts/oauth-provider.ts';
import { accessToken } from '../../shared/usecases/accounts/access-token.ts';
import { beginConnect, finishConnect } from '../../shared/usecases/accounts/connect-account.ts';
import { keepAccountsAlive } from '../../shared/usecases/accounts/keep-accounts-alive.ts';
import { composedPost } from '../social/social-fixtures.ts';
import { movableClock } from '../support/test-app.ts';

const HOUR = 3_600_000;
const REDIRECT = 'https://newsletter.example.org/studio/accounts/callback';
const APP = {
  clientId: 'dimanche-app',
  clientSecret: 'the-operator-app-secret-xyz',
  redirectUris: [REDIRECT],
};

let fake: XFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** An error as a log line or a crash report would carry it: every own field, down the `cause` chain. */
const serialised = (value: unknown, depth = 0): unknown => {
  if (depth > 8) return '…';
  if (value instanceof Error)
    return Object.fromEntries(
      [...Object.getOwnPropertyNames(value), 'cause']
        .filter((key) => key in value)
        .map((key) => [key, serialised((value as unknown as Record<string, unknown>)[key], depth + 1)]),
    );
  if (value instanceof Response) return { status: value.status, headers: [...value.headers] };
  if (Array.isArray(value)) return value.map((item) => serialised(item, depth + 1));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, serialised(v, depth + 1)]));
  return value;
};

describe('tokens never leak into the logs', () => {
  it('connect, refresh, a refused refresh, an unreachable network and two posts log no token or secret', async () => {
    const lines: string[] = [];
    const logger = createJsonLogger({ service: 'accounts', write: (line) => void lines.push(line) });
    const clock = movableClock();
    fake = await startXFake({ clock, clients: [APP] });
    const x = fake;
    const provider = {
      ...x.signIn.provider,
      clientId: APP.clientId,
      clientSecret: APP.clientSecret,
    };
    const accounts = memoryConnectedAccounts();
    const sealer = aesGcmSealer(randomBytes(32));
    const issued: string[] = [APP.clientSecret];
    const oauth = oauth4webapiClient({
      outbound: guardedFetch({ standIns: new StandIns([x.signIn.server.origin]) }),
      clock,
    });
    // Every token the network hands out is remembered, to be looked for in the logs afterwards.
    const watching = {
      ...oauth,
      exchangeCode: async (...args: Parameters<typeof oauth.exchangeCode>) => {
        const answer = await oauth.exchangeCode(...args);
        if (answer.ok) issued.push(...secretsOf(answer.tokens));
        return answer;
      },
      refresh: async (...args: Parameters<typeof oauth.refresh>) => {
        const answer = await oauth.refresh(...args);
        if (answer.ok) issued.push(...secretsOf(answer.tokens));
        logger.info('token refresh', { provider: args[0].id, answer: { ...answer, tokens: undefined } });
        return answer;
      },
    };
    const connect = {
      oauth: watching,
      accounts,
      sealer,
      clock,
      random: () => randomBytes(32).toString('base64url'),
      redirectUri: () => REDIRECT,
      identify: async () => '@dimanche_fm',
    };
    const notices: unknown[] = [];
    const access = {
      oauth: watching,
      accounts,
      sealer,
      clock,
      reconnectNeeded: async (account: unknown) => void notices.push(account),
    };

    const url = await beginConnect(provider, connect);
    const { callback } = await consent(url);
    issued.push(callback.code ?? '', callback.state ?? '');
    const connected = await finishConnect(provider, callback, connect);
    logger.info('connected', { result: connected });
    // The same code again: refused, and logged as a refusal.
    logger.warn('connect again', { result: await finishConnect(provider, callback, connect) });

    clock.set(new Date(clock.now().getTime() + 3 * HOUR).toISOString());
    const fresh = await accessToken(provider, access);
    logger.info('refreshed', { outcome: fresh.ok ? { refreshed: fresh.refreshed } : fresh });
    if (!fresh.ok) throw new Error('the refresh failed');
    const post = await xPublisher(
      { baseUrl: x.url, accessToken: fresh.accessToken, username: 'dimanche_fm' },
      { clock },
    ).publish({ post: composedPost('x'), idempotencyKey: 'dimanche-iss_34-x' });
    logger.info('posted', { outcome: post });

    x.signIn.server.revokeAll();
    const refused = await xPublisher(
      { baseUrl: x.url, accessToken: fresh.accessToken, username: 'dimanche_fm' },
      { clock },
    ).publish({ post: composedPost('x'), idempotencyKey: 'dimanche-iss_35-x' });
    logger.warn('post refused', { outcome: refused });
    clock.set(new Date(clock.now().getTime() + 3 * HOUR).toISOString());
    logger.warn('keep alive', { outcome: await keepAccountsAlive([provider], access, HOUR) });
    logger.warn('reconnect notice', { notices });
    logger.warn('stored', { accounts: await accounts.list() });

    const tokens = await watching.refresh(provider, issued.at(-1) ?? '');
    logger.error('refresh of a dead grant', { answer: tokens });
    await x.close();
    fake = undefined;
    const unreachable = await oauth.refresh(provider, issued.at(-1) ?? '');
    logger.error('network down', { answer: unreachable });
    const thrown = new LocalSignInError('x: unavailable', { cause: new Error(JSON.stringify(unreachable)) });
    logger.error('crash', { error: thrown, chain: serialised(thrown) });

    expect(issued.length, 'a code, a state, the secret and the tokens of two sign-ins').toBeGreaterThan(5);
    const logs = lines.join('');
    expect(lines.length).toBeGreaterThan(8);
    // The watch list is real: the token a post was sent with is in it, and what failed was logged.
    expect(issued).toContain(fresh.accessToken);
    expect(logs).toContain('invalid_grant');
    expect(logs).toContain('needs_reconnect');
    const leaked = issued.filter((secret) => secret && logs.includes(secret));
    expect(leaked).toEqual([]);
  });
});

const secretsOf = (tokens: TokenSet) =>
  [tokens.accessToken, tokens.refreshToken].filter((token): token is string => token !== undefined);
