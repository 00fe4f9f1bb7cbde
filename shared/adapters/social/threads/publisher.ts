import { systemClock } from '../../../ports/clock.ts';
import type { PublishOutcome, SocialPublisher } from '../../../ports/social-publisher.ts';
import { graphErrorOf, graphOutcome } from '../graph-api.ts';
import { call, type PublisherOptions, read } from '../publish-http.ts';
import type { ThreadsAccount } from './account.ts';

/** Where a created container is remembered per idempotency key; in memory unless the worker gives one. */
export type ThreadsContainers = {
  get: (idempotencyKey: string) => Promise<string | undefined>;
  set: (idempotencyKey: string, containerId: string) => Promise<void>;
};

export const memoryContainers = (): ThreadsContainers => {
  const ids = new Map<string, string>();
  return { get: async (key) => ids.get(key), set: async (key, id) => void ids.set(key, id) };
};

type Thread = { id: string; permalink?: string; text?: string; link_attachment_url?: string };

/**
 * Threads in two steps: a container (nothing is visible yet), then threads_publish. A container that was
 * made but not published is published on the next attempt instead of making another; one already published
 * is reported as a duplicate, never published twice.
 */
export const threadsPublisher = (
  account: ThreadsAccount,
  {
    timeoutMs = 15_000,
    clock = systemClock,
    fetch,
    containers = memoryContainers(),
  }: PublisherOptions & { containers?: ThreadsContainers } = {},
): SocialPublisher => {
  const http = { timeoutMs, ...(fetch ? { fetch } : {}) };
  const token = account.accessToken;
  const url = (path: string, params: Record<string, string> = {}) => {
    const at = new URL(`/v1.0/${path}`, account.baseUrl);
    at.search = new URLSearchParams({ ...params, access_token: token }).toString();
    return at;
  };
  const post = (path: string, params: Record<string, string>) =>
    call(
      new URL(`/v1.0/${path}`, account.baseUrl),
      { method: 'POST', body: new URLSearchParams({ ...params, access_token: token }) },
      http,
    );

  /** A container that can still be published, none (make one), or why we cannot tell (nothing was posted). */
  const resumable = async (key: string): Promise<{ id?: string; outcome?: PublishOutcome }> => {
    const id = await containers.get(key);
    if (!id) return {};
    const result = await call(url(id, { fields: 'id,status,error_message' }), {}, http);
    if (!result.ok)
      return { outcome: { kind: 'not_sent', detail: `container ${id}: ${result.outcome.detail}` } };
    if (result.answer.status !== 200) {
      // Gone (code 100): make another. Anything else: it may have been published, so do not guess.
      if (graphErrorOf(result.answer)?.code === 100) return {};
      return { outcome: nothingPosted(graphOutcome(result.answer, clock.now())) };
    }
    const { status } = (result.answer.body ?? {}) as { status?: string };
    if (status === 'PUBLISHED')
      return { outcome: { kind: 'duplicate', detail: `container ${id} is already published` } };
    return status === 'FINISHED' || status === 'IN_PROGRESS' ? { id } : {};
  };

  const permalinkOf = async (mediaId: string) => {
    try {
      const { permalink } = (await read(url(mediaId, { fields: 'id,permalink' }), {}, http)) as Thread;
      return permalink;
    } catch {
      return undefined;
    }
  };

  return {
    network: 'threads',
    idempotent: false,
    publish: async ({ post: composed, idempotencyKey }) => {
      const resumed = await resumable(idempotencyKey);
      if (resumed.outcome) return resumed.outcome;
      let containerId = resumed.id;
      if (!containerId) {
        const created = await post(`${account.userId}/threads`, {
          media_type: 'TEXT',
          text: composed.text,
          link_attachment: composed.url,
        });
        const id = created.ok ? (created.answer.body as { id?: string } | undefined)?.id : undefined;
        if (!created.ok || !id) {
          return nothingPosted(created.ok ? graphOutcome(created.answer, clock.now()) : created.outcome);
        }
        containerId = id;
        await containers.set(idempotencyKey, id);
      }
      const published = await post(`${account.userId}/threads_publish`, { creation_id: containerId });
      if (!published.ok) return published.outcome;
      const mediaId = (published.answer.body as { id?: string } | undefined)?.id;
      if (published.answer.status !== 200 || !mediaId) return graphOutcome(published.answer, clock.now());
      // The post is out: without its permalink, the profile is the best link to give.
      const permalink = (await permalinkOf(mediaId)) ?? `https://www.threads.net/@${account.username}`;
      return { kind: 'published', postId: mediaId, postUrl: permalink };
    },
    findRecent: async (link) => {
      const recent = url(`${account.userId}/threads`, {
        fields: 'id,permalink,text,link_attachment_url',
        limit: '25',
      });
      const { data = [] } = (await read(recent, {}, http)) as { data?: Thread[] };
      const found = data.find((thread) => thread.link_attachment_url === link || thread.text?.includes(link));
      return (
        found && {
          postId: found.id,
          postUrl: found.permalink ?? `https://www.threads.net/@${account.username}`,
        }
      );
    },
  };
};

/** Before threads_publish nothing is visible: an unknown outcome there cannot be a post. */
const nothingPosted = (outcome: PublishOutcome): PublishOutcome =>
  outcome.kind === 'unknown' ? { kind: 'not_sent', detail: outcome.detail } : outcome;
