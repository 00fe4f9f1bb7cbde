import { type BlobRef, XRPCError } from '@atproto/api';
import type { ComposedPost } from '../../../domain/social/social-post.ts';
import { systemClock } from '../../../ports/clock.ts';
import type { PublishedPost, PublishOutcome, SocialPublisher } from '../../../ports/social-publisher.ts';
import { POST_COLLECTION, postRecord, postUrlOf, recordLinksTo } from './post-record.ts';
import { recordKeyFor } from './record-key.ts';
import { type BlueskySession, blueskySession, type BlueskySessionHooks, xrpcDetail } from './session.ts';
import type { OutboundFetch } from '../../../ports/outbound-fetch.ts';
import { guardedFetch } from '../../http/guarded-fetch.ts';
import { fetchThumb } from './thumb.ts';
import { unbind } from './dpop-bound.ts';
import { blueskyOAuthSession } from './oauth-session.ts';
import {
  describeError,
  type PublisherOptions,
  SocialLookupError,
  transportOutcome,
} from '../publish-http.ts';
import { fromEpochSeconds, notBefore } from '../rate-limit-reset.ts';
import type { BlueskyAccount } from './account.ts';

/** Bluesky's write limits are counted per hour. */
const RATE_WINDOW_MS = 60 * 60_000;
/** What @atproto/xrpc reports when no HTTP answer came (1) or the answer was not what the lexicon says (2). */
const NO_ANSWER = 1;
const INVALID_ANSWER = 2;

/**
 * Bluesky through `@atproto/api`. The record key is derived from the idempotency key, so a repeat cannot make
 * a second post: the PDS refuses it, and the existing record is read back as the post.
 */
export const blueskyPublisher = (
  account: BlueskyAccount,
  {
    timeoutMs = 15_000,
    clock = systemClock,
    fetch: fetchImpl = fetch,
    thumbs = guardedFetch(),
    ...hooks
  }: PublisherOptions &
    BlueskySessionHooks & {
      /** The card's cover comes from the post: fetched through the guarded client, public addresses only by default. */
      thumbs?: OutboundFetch;
    } = {},
): SocialPublisher => {
  const fetchWithDeadline = withDeadline(fetchImpl, timeoutMs);
  // Connected by OAuth, the secret is a token bound to its DPoP key; else it is her app password.
  const bound = unbind('access', account.appPassword);
  const session: BlueskySession = bound
    ? blueskyOAuthSession(account, bound, { fetch: fetchWithDeadline })
    : blueskySession(account, { ...hooks, clock, fetch: fetchWithDeadline });
  const { agent } = session;

  const existingPost = async (rkey: string): Promise<PublishedPost | undefined> => {
    try {
      const { data } = await agent.com.atproto.repo.getRecord({
        repo: session.did,
        collection: POST_COLLECTION,
        rkey,
      });
      return { postId: data.uri, postUrl: postUrlOf(data.uri, session.handle) };
    } catch {
      return undefined;
    }
  };

  const uploadThumb = async (post: ComposedPost): Promise<BlobRef | undefined> => {
    const thumb =
      post.card.thumbUrl && (await fetchThumb(post.card.thumbUrl, { timeoutMs, outbound: thumbs }));
    if (!thumb) return undefined;
    try {
      return (await agent.uploadBlob(thumb.bytes, { encoding: thumb.mimeType })).data.blob;
    } catch {
      return undefined;
    }
  };

  const create = async (post: ComposedPost, rkey: string, thumb: BlobRef | undefined) => {
    try {
      const { data } = await agent.com.atproto.repo.createRecord({
        repo: session.did,
        collection: POST_COLLECTION,
        rkey,
        record: postRecord(post, clock.now(), thumb),
      });
      return { ok: true as const, uri: data.uri };
    } catch (error) {
      if (!(error instanceof XRPCError)) throw error;
      return { ok: false as const, error };
    }
  };

  const failed = async (error: XRPCError, rkey: string): Promise<PublishOutcome> => {
    const detail = `createRecord: ${xrpcDetail(error)}`;
    if (error.status === 429) {
      const reset = fromEpochSeconds(error.headers?.['ratelimit-reset']);
      return { kind: 'rate_limited', retryAt: notBefore(reset, clock.now(), RATE_WINDOW_MS), detail };
    }
    // Still expired after the agent's own refresh, with the session kept: the refresh failed in transit.
    if (error.error === 'ExpiredToken') return { kind: 'not_sent', detail };
    if (
      error.status === 401 ||
      ['InvalidToken', 'AccountTakedown', 'AccountDeactivated'].includes(error.error ?? '')
    )
      return { kind: 'needs_reconnect', detail };
    const noAnswer = error.status === NO_ANSWER ? transportOutcome(error) : undefined;
    if (noAnswer?.kind === 'not_sent') return noAnswer;
    const exists = alreadyExists(error);
    if (exists || noAnswer || error.status === INVALID_ANSWER || error.status >= 500) {
      // Our key is ours alone: a record under it is our post, from this call or an earlier one.
      const post = await existingPost(rkey);
      if (post) return { kind: 'duplicate', detail, post };
      return exists ? { kind: 'duplicate', detail } : { kind: 'unknown', detail: noAnswer?.detail ?? detail };
    }
    return { kind: 'rejected', detail };
  };

  return {
    network: 'bluesky',
    idempotent: true,
    publish: async ({ post, idempotencyKey }) => {
      try {
        const rkey = recordKeyFor(idempotencyKey);
        const refused = await session.ensure();
        if (refused) return refused;
        const thumb = await uploadThumb(post);
        let result = await create(post, rkey, thumb);
        // Only a dead refresh token drops the session: log in once, then try again.
        if (!result.ok && session.lost()) {
          const stillRefused = await session.login();
          if (stillRefused) return stillRefused;
          result = await create(post, rkey, thumb);
        }
        if (result.ok)
          return { kind: 'published', postId: result.uri, postUrl: postUrlOf(result.uri, session.handle) };
        return await failed(result.error, rkey);
      } finally {
        await session.settle();
      }
    },
    findRecent: async (url) => {
      try {
        const refused = await session.ensure();
        if (refused) throw new SocialLookupError(`Bluesky session: ${refused.kind}: ${refused.detail}`);
        return await findIn(session, url);
      } catch (error) {
        if (error instanceof SocialLookupError) throw error;
        throw new SocialLookupError(`Bluesky posts: ${describeError(error)}`, { cause: error });
      } finally {
        await session.settle();
      }
    },
  };
};

/**
 * The repo's newest records first (they sort by key: right for keys minted at posting time), then the
 * author feed (by time: right for hashed keys, whose TID time says nothing).
 */
const findIn = async (session: BlueskySession, url: string): Promise<PublishedPost | undefined> => {
  const { agent, did, handle } = session;
  const { data } = await agent.com.atproto.repo.listRecords({
    repo: did,
    collection: POST_COLLECTION,
    limit: 100,
  });
  const record = data.records.find((candidate) => recordLinksTo(candidate.value, url));
  if (record) return { postId: record.uri, postUrl: postUrlOf(record.uri, handle) };
  const feed = await agent.getAuthorFeed({ actor: did, limit: 50, filter: 'posts_no_replies' });
  const item = feed.data.feed.find(({ post }) => post.author.did === did && recordLinksTo(post.record, url));
  return item && { postId: item.post.uri, postUrl: postUrlOf(item.post.uri, handle) };
};

/**
 * The reference PDS has answered a taken key with a bare 500 (bluesky-social/atproto#4728 names the error);
 * InvalidSwap, RecordAlreadyExists or a message saying so cover PDSes that name it. The 500 is covered by
 * reading the key back.
 */
const alreadyExists = (error: XRPCError) =>
  error.status < 500 &&
  (error.error === 'InvalidSwap' ||
    error.error === 'RecordAlreadyExists' ||
    /already exists/i.test(error.message));

/** Every call the agent makes gets the same deadline, on top of any signal of its own. */
const withDeadline =
  (fetchImpl: typeof fetch, timeoutMs: number): typeof fetch =>
  (input, init) => {
    const signals = [AbortSignal.timeout(timeoutMs)];
    if (input instanceof Request) signals.push(input.signal);
    if (init?.signal) signals.push(init.signal);
    return fetchImpl(input, { ...init, signal: AbortSignal.any(signals) });
  };
