import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
};

/** An object body is sent as JSON; a Buffer or string as is (with its own content-type header). */
export type FakeAnswer = { status: number; headers?: Record<string, string>; body?: unknown };

export type Route = {
  method: 'GET' | 'POST';
  path: RegExp;
  handle: (request: FakeRequest, params: string[]) => FakeAnswer | Promise<FakeAnswer>;
};

/**
 * A fault queued through `POST /__fake/next`, taken by the next API request whose path contains `match`
 * and whose method is `method` (any request when both are absent):
 * - `{ status, headers?, body? }`: answered instead; nothing happens.
 * - `{ delayMs }`: the request is carried out, then answered late (a client may give up first).
 * - `{ afterCommit: { status, … } | 'hang-up' }`: carried out, then answered with this, or the connection
 *   dropped: the post exists but the client cannot know.
 */
export type Fault = { match?: string; method?: 'GET' | 'POST' } & (
  FakeAnswer | { delayMs: number } | { afterCommit: FakeAnswer | 'hang-up' }
);

export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
};

export type FakeNetwork = { url: string; close: () => Promise<void> };

export type FakeNetworkOptions = {
  routes: Route[];
  /** What `GET /__fake/posts` lists: the network's own record of what was published. */
  posts: () => unknown[];
  reset: () => void;
  /** More `/__fake/…` routes: the network's own controls. */
  controls?: Route[];
  /** The network's way of saying "no such endpoint". */
  notFound: (request: FakeRequest) => FakeAnswer;
  /** Headers every real answer of this network carries (rate-limit counters, usage). */
  decorate?: (answer: FakeAnswer, request: FakeRequest) => FakeAnswer;
  port?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A stand-in for one social network on 127.0.0.1: the network's routes, plus a control API under
 * `/__fake/` for tests and for a person trying things locally (queue a fault, read what was posted).
 */
export const startFakeNetwork = async ({
  routes,
  posts,
  reset,
  controls = [],
  notFound,
  decorate = (answer) => answer,
  port = 0,
}: FakeNetworkOptions): Promise<FakeNetwork> => {
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];
  const control: Route[] = [
    {
      method: 'POST',
      path: /^\/__fake\/next$/,
      handle: (request) => {
        const queued = JSON.parse(request.body.toString('utf8') || '[]') as Fault | Fault[];
        faults.push(...(Array.isArray(queued) ? queued : [queued]));
        return { status: 204 };
      },
    },
    { method: 'GET', path: /^\/__fake\/posts$/, handle: () => ({ status: 200, body: { posts: posts() } }) },
    { method: 'GET', path: /^\/__fake\/requests$/, handle: () => ({ status: 200, body: { requests } }) },
    {
      method: 'POST',
      path: /^\/__fake\/reset$/,
      handle: () => {
        faults.length = 0;
        requests.length = 0;
        reset();
        return { status: 204 };
      },
    },
    ...controls,
  ];

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    try {
      if (request.path.startsWith('/__fake/')) return send(res, await dispatch(control, request, notFound));
      requests.push(recorded(request));
      const at = faults.findIndex(
        (fault) =>
          (!fault.match || request.path.includes(fault.match)) &&
          (!fault.method || fault.method === request.method),
      );
      const [fault] = at >= 0 ? faults.splice(at, 1) : [];
      if (fault && 'status' in fault) return send(res, decorate(fault, request));
      const answer = decorate(await dispatch(routes, request, notFound), request);
      if (fault && 'delayMs' in fault) await sleep(fault.delayMs);
      if (fault && 'afterCommit' in fault) {
        if (fault.afterCommit === 'hang-up') return void res.socket?.destroy();
        return send(res, decorate(fault.afterCommit, request));
      }
      return send(res, answer);
    } catch (error) {
      return send(res, { status: 500, body: { error: 'FakeBug', message: String(error) } });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};

const dispatch = async (routes: Route[], request: FakeRequest, notFound: (r: FakeRequest) => FakeAnswer) => {
  for (const route of routes) {
    const match = route.method === request.method ? route.path.exec(request.path) : null;
    if (match) return route.handle(request, match.slice(1).map(decodeURIComponent));
  }
  return notFound(request);
};

const send = (res: ServerResponse, { status, headers = {}, body }: FakeAnswer) => {
  if (res.destroyed) return;
  const raw = body === undefined || Buffer.isBuffer(body) || typeof body === 'string';
  const payload = raw ? (body as Buffer | string | undefined) : JSON.stringify(body);
  res.writeHead(status, {
    ...(raw ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    ...headers,
  });
  res.end(payload);
};

const recorded = (request: FakeRequest): RecordedRequest => ({
  method: request.method,
  path: request.path,
  query: Object.fromEntries(request.query),
  headers: Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : (value ?? ''),
    ]),
  ),
  body: request.body.toString('utf8'),
});

/** The bearer token of a request, if any. */
export const bearer = (request: FakeRequest) =>
  /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];

export const jsonBody = <T>(request: FakeRequest): T | undefined => {
  try {
    return JSON.parse(request.body.toString('utf8')) as T;
  } catch {
    return undefined;
  }
};

/** Graph-API style parameters: the query and a urlencoded body (or a JSON one) taken together. */
export const params = (request: FakeRequest): Record<string, string> => {
  const type = request.headers['content-type'] ?? '';
  const fromBody = type.includes('application/json')
    ? Object.fromEntries(
        Object.entries(jsonBody<Record<string, unknown>>(request) ?? {}).map(([k, v]) => [k, String(v)]),
      )
    : Object.fromEntries(new URLSearchParams(request.body.toString('utf8')));
  return { ...Object.fromEntries(request.query), ...fromBody };
};

/** Ids that look like the network's: digits that grow with time. */
export const numericId = (() => {
  let last = 0n;
  return (digits = 19) => {
    const now = BigInt(Date.now()) * 1_000_000n;
    last = now > last ? now : last + 1n;
    return last.toString().padStart(digits, '1').slice(-digits);
  };
})();
