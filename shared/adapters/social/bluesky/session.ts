import { type Agent, AtpAgent, type AtpSessionData, XRPCError } from '@atproto/api';
import type { Logger } from '../../../ports/logger.ts';
import type { PublishOutcome } from '../../../ports/social-publisher.ts';
import { describeError } from '../publish-http.ts';
import { fromEpochSeconds, notBefore } from '../rate-limit-reset.ts';
import type { BlueskyAccount } from './account.ts';

export type BlueskySessionHooks = {
  /** A session an earlier process saved: resumed with one refresh instead of a new login. */
  loadSession?: () => Promise<AtpSessionData | undefined>;
  /** Every new or refreshed session (refresh tokens rotate), and `undefined` once it is dead. */
  saveSession?: (session: AtpSessionData | undefined) => Promise<void>;
  logger?: Logger;
};

/** Why there is no session: nothing was posted. */
export type NoSession = Exclude<PublishOutcome, { kind: 'published' }>;

/** createSession is limited to tens a day per account: when refused, wait the limit out, do not retry soon. */
const LOGIN_BACKOFF_MS = 60 * 60_000;

/**
 * The agent and its session. The session lives in memory and, through the hooks, wherever the worker keeps
 * it. An expired access token is refreshed by the agent itself (refreshSession); a new login happens only
 * when there is no session, or its refresh token is dead.
 */
export const blueskySession = (
  account: BlueskyAccount,
  {
    fetch,
    clock,
    loadSession,
    saveSession,
    logger,
  }: BlueskySessionHooks & {
    fetch: typeof globalThis.fetch;
    clock: { now: () => Date };
  },
) => {
  const saves: Promise<void>[] = [];
  const agent = new AtpAgent({
    service: account.baseUrl,
    fetch,
    persistSession: (event, session) => {
      // A refresh that failed in transit leaves the stored session as good as it was.
      if (event === 'network-error' || !saveSession) return;
      saves.push(
        saveSession(session).catch((error: unknown) =>
          // Lost, a save costs a refresh or a login later, never a post.
          logger?.warn('bluesky session not saved', { event, error: describeError(error) }),
        ),
      );
    },
  });
  let loaded = false;

  /** Why there is no session (nothing was posted), or undefined once there is one. */
  const login = async (): Promise<NoSession | undefined> => {
    try {
      await agent.login({ identifier: account.identifier, password: account.appPassword });
      return undefined;
    } catch (error) {
      return loginOutcome(error, clock.now());
    }
  };

  return {
    agent,
    login,
    ensure: async (): Promise<NoSession | undefined> => {
      if (agent.hasSession) return undefined;
      if (!loaded) {
        loaded = true;
        const saved = await loadSession?.();
        if (saved) {
          try {
            await agent.resumeSession(saved);
          } catch {
            // A dead refresh token drops the session (log in below); a failed network call keeps it.
          }
          if (agent.hasSession) return undefined;
        }
      }
      return login();
    },
    /** The refresh token died with the session: only a new login brings it back. */
    lost: () => !agent.hasSession,
    /** Waits for the session saves the agent started, so a frozen Lambda cannot lose one. */
    settle: async () => {
      await Promise.all(saves.splice(0));
    },
    get did() {
      return agent.session?.did ?? '';
    },
    get handle() {
      return agent.session?.handle ?? account.identifier;
    },
  };
};

/** What the publisher needs of a session, opened with an app password or by OAuth (oauth-session.ts). */
export type BlueskySession = {
  agent: Pick<Agent, 'com' | 'uploadBlob' | 'getAuthorFeed'>;
  ensure: () => Promise<NoSession | undefined>;
  login: () => Promise<NoSession | undefined>;
  lost: () => boolean;
  settle: () => Promise<void>;
  readonly did: string;
  readonly handle: string;
};

const REFUSED = ['AuthenticationRequired', 'AccountTakedown', 'AccountDeactivated', 'InvalidToken'];

/** A failed login posted nothing: it is a reason to reconnect, to wait, or to try again later. */
const loginOutcome = (error: unknown, now: Date): NoSession => {
  const detail = `createSession: ${xrpcDetail(error)}`;
  if (!(error instanceof XRPCError)) return { kind: 'not_sent', detail };
  if (error.status === 429) {
    const reset = fromEpochSeconds(error.headers?.['ratelimit-reset']);
    return { kind: 'rate_limited', retryAt: notBefore(reset, now, LOGIN_BACKOFF_MS), detail };
  }
  if (error.status === 401 || REFUSED.includes(error.error ?? '')) return { kind: 'needs_reconnect', detail };
  return { kind: 'not_sent', detail };
};

/** XRPC names its errors (`ExpiredToken`, `InvalidSwap`…): the name is what a person needs to see. */
export const xrpcDetail = (error: unknown) =>
  error instanceof XRPCError && error.status >= 100
    ? `HTTP ${error.status} ${error.error ?? ''}: ${error.message}`
    : describeError(error);
