import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';

/** One share of the stampede: its own connections and its own count of the page's requests. */
export type ShardJob = {
  origin: string;
  path: string;
  warmPath: string;
  warmRequests: number;
  connections: number;
  requests: number;
  headers: Record<string, string>;
};

export type ShardResult = {
  /** ms from each request's write to its answer's last byte. */
  latencies: Float64Array;
  codes: Record<string, number>;
  errors: number;
  /** Connections opened during the timed requests: 0, or a connect was timed after all. */
  freshConnections: number;
  /** The warm-up's connections and answers: neither timed nor judged. */
  warmConnections: number;
  warmCodes: Record<string, number>;
  /** Wall-clock ms (performance.timeOrigin based: comparable across threads) of the first write, last answer. */
  startedAt: number;
  endedAt: number;
  /** The share of the timed requests' span this thread's event loop was busy: near 1, it was the limit. */
  loopBusy: number;
};

export type ShardMessage = { kind: 'warmed' } | { kind: 'done'; result: ShardResult };

const job = workerData as ShardJob;
// undici's client (installed with mjml's cheerio), not node:http's: half the CPU per request on the bare
// route here (~21 µs against ~45 µs, both warm), whose loop stayed busy 100 % where undici's was 75–95 %.
const pool = new Pool(job.origin, {
  connections: job.connections,
  pipelining: 1,
  headersTimeout: 10_000,
  bodyTimeout: 10_000,
});
let connects = 0;
pool.on('connect', () => (connects += 1));

type Answer = { status: number; ms: number } | { error: Error };

/**
 * One GET on a pooled connection, its body's bytes dropped undecoded. The clock starts in `onConnect`, which
 * undici calls when the request is given its socket, in the same synchronous step that writes it
 * (client-h1's writeH1): a request still queued for a free connection is not yet the server's.
 */
const get = (path: string) =>
  new Promise<Answer>((resolve) => {
    let [writtenAt, status] = [0, 0];
    pool.dispatch(
      { origin: job.origin, method: 'GET', path, headers: job.headers },
      {
        onConnect: () => void (writtenAt = performance.now()),
        onHeaders: (code) => ((status = code), true),
        onData: () => true,
        onComplete: () => resolve({ status, ms: performance.now() - writtenAt }),
        onError: (error) => resolve({ error }),
      },
    );
  });

/** `requests` GETs of `path`, each connection taking the next as soon as its answer is in (a shared queue). */
const round = async (path: string, requests: number) => {
  const latencies = new Float64Array(requests);
  const codes: Record<string, number> = {};
  let [issued, answered, errors] = [0, 0, 0];
  const connection = async () => {
    while (issued < requests) {
      issued += 1;
      const answer = await get(path);
      if ('error' in answer) errors += 1;
      else {
        codes[answer.status] = (codes[answer.status] ?? 0) + 1;
        latencies[answered] = answer.ms;
        answered += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: job.connections }, connection));
  return { latencies: latencies.slice(0, answered), codes, errors };
};

const timed = async () => {
  const connectsBefore = connects;
  const loopBefore = performance.eventLoopUtilization();
  const startedAt = performance.timeOrigin + performance.now();
  const answers = await round(job.path, job.requests);
  const endedAt = performance.timeOrigin + performance.now();
  return {
    ...answers,
    freshConnections: connects - connectsBefore,
    startedAt,
    endedAt,
    loopBusy: performance.eventLoopUtilization(loopBefore).utilization,
  };
};

const port = parentPort;
if (port) {
  // The first `connections` requests go out at once: the pool opens every connection. The same loop then runs
  // the generator's own code warm (cold, it tripled its CPU per request).
  const warm = await round(job.warmPath, job.warmRequests);
  const warmConnections = connects;
  port.once('message', () => {
    void timed().then(async (result) => {
      const done = { ...result, warmConnections, warmCodes: warm.codes };
      port.postMessage({ kind: 'done', result: done } satisfies ShardMessage, [result.latencies.buffer]);
      await pool.close();
    });
  });
  port.postMessage({ kind: 'warmed' } satisfies ShardMessage);
}
