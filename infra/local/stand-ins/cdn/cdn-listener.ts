import type { IncomingMessage, ServerResponse } from 'node:http';
import { type EdgeAnswer, edgeAnswerOf, writeEdgeAnswer } from './edge-answer.ts';
import type { EdgeCache } from './edge-cache.ts';
import { type EdgeRequest, edgeKeyOf, originRequestOf } from './edge-key.ts';
import { edgeTtlOf } from './edge-ttl.ts';

export type Origin = (request: Request) => Response | Promise<Response>;
type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * CloudFront on one machine, as a raw Node listener in front of the app's: a GET or HEAD on a cached path is
 * answered from the edge's copy without touching the app; a miss asks the app once, however many readers
 * wait for the same key (request collapsing: the Sunday stampede is one origin request), and keeps what it
 * may. Everything else goes to `passThrough`, the app's own listener, untouched.
 */
export const cdnListener = ({
  cache,
  origin,
  passThrough,
}: {
  cache: EdgeCache;
  origin: Origin;
  passThrough: Listener;
}): Listener => {
  const inflight = new Map<string, Promise<EdgeAnswer>>();

  const fetchOnce = (edge: EdgeRequest, sent: ReturnType<typeof originRequestOf>, url: URL) => {
    const generation = cache.generation();
    // A miss begun before an invalidation is no flight for the requests after it; nor is one that sent the
    // origin other forwarded headers: its answer may be another form (an error page for a JSON client).
    const flightKey = [generation, edge.key, JSON.stringify(sent.headers)].join('\n');
    const found = inflight.get(flightKey);
    if (found) return found;
    const flight = (async () => {
      const response = await origin(new Request(url, { headers: sent.headers }));
      const answer = await edgeAnswerOf(response);
      const ttlSeconds = edgeTtlOf({ status: response.status, headers: response.headers }, sent.keyed);
      if (ttlSeconds !== undefined && cache.generation() === generation) {
        cache.put(edge.key, { path: edge.path, answer, ttlSeconds });
      }
      return answer;
    })().finally(() => inflight.delete(flightKey));
    inflight.set(flightKey, flight);
    return flight;
  };

  // A hit, the Sunday stampede's every request but one, costs its key and a write: the origin's request is
  // only made on a miss.
  return (req, res) => {
    const edge = edgeKeyOf(req);
    if (!edge) return passThrough(req, res);
    const view = { method: req.method, ifNoneMatch: req.headers['if-none-match'] };
    const kept = cache.get(edge.key);
    if (kept) return writeEdgeAnswer(res, kept, view);
    const sent = originRequestOf(edge, req.headers);
    const url = originUrl(req.headers.host, sent.pathAndQuery);
    if (!url) return passThrough(req, res);
    return fetchOnce(edge, sent, url).then(
      (answer) => writeEdgeAnswer(res, answer, view),
      // What CloudFront answers when its origin fails to.
      () => {
        res.writeHead(502, { 'content-type': 'text/plain; charset=UTF-8' });
        res.end('Bad Gateway');
      },
    );
  };
};

/** The origin is asked at the address the reader used, as the app sees it behind @hono/node-server. */
const originUrl = (host: string | undefined, pathAndQuery: string) => {
  try {
    return new URL(pathAndQuery, `http://${host ?? 'localhost'}`);
  } catch {
    return undefined;
  }
};
