import type { Fault, RecordedRequest } from './fake-network.ts';

/** The `/__fake/` control API of a fake network, typed: what tests (and a curious person) use. */
export const fakeControl = (url: string) => {
  const ask = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${url}/__fake/${path}`, init);
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  return {
    url,
    /** Queue faults for the next matching requests, in order. */
    queue: async (...faults: Fault[]) =>
      void (await ask('next', { method: 'POST', body: JSON.stringify(faults) })),
    posts: async <T = Record<string, unknown>>() =>
      ((await (await ask('posts')).json()) as { posts: T[] }).posts,
    requests: async () =>
      ((await (await ask('requests')).json()) as { requests: RecordedRequest[] }).requests,
    reset: async () => void (await ask('reset', { method: 'POST' })),
    /** A network's own control, e.g. `expire-session` on the Bluesky fake. */
    command: async (name: string, body: unknown = {}) =>
      void (await ask(name, { method: 'POST', body: JSON.stringify(body) })),
  };
};

export type FakeControl = ReturnType<typeof fakeControl>;
