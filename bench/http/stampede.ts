import { Worker } from 'node:worker_threads';
import { processCpuMicros } from './process-cpu.ts';
import type { ShardJob, ShardMessage, ShardResult } from './stampede-shard.ts';

export type StampedeResult = {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  codes: Record<string, number>;
  errors: number;
  freshConnections: number;
  warmConnections: number;
  warmCodes: Record<string, number>;
  /** The generator's CPU per request over the timed round, all its threads together. */
  clientMicros: number;
  /** Each thread's event-loop busy share over the round. */
  loopBusy: number[];
  /** The server process's CPU per request over the same span (10 ms ticks), when its pid is given. */
  serverMicros?: number;
};

/**
 * The Sunday stampede, measured at the server: `connections` connections opened and warmed first on
 * `warmPath`, not the page, so that the page's first request is still the edge's miss (the warm-up's first
 * `connections` requests open them, one each; the rest of `warmRequests` run the generator's own code warm,
 * whatever the round's size), then `requests` GETs of `path` over them, each timed from the moment its bytes are written to its
 * answer's last byte, bodies dropped undecoded.
 *
 * Why the clock starts at the write, not when the load tool creates its client (autocannon's clock): in the
 * world the 500 fetchers are 500 machines whose connections CloudFront already holds; a client here spends
 * 80–160 ms building 500 clients in one loop and running its code cold, and that setup landed in every first
 * request's latency, the bare Hono route's too (p99 269 ms on a quiet machine). Connect and warm-up happen
 * before the clock; what is timed is what the server owes each request: its answer.
 *
 * The generator runs in its own worker thread (a fresh loop, not the one autocannon just used), or in `shards`
 * threads each with its share of connections and requests, their latencies merged before the percentiles are
 * taken. One is the default: on this 2-core machine a second generator thread competes with the server for the
 * cores and doubled the p99 (322–500 ms against 90–170 ms, load average 7–9), though each loop was less busy.
 * Each round prints the generator's CPU per request and its loop's busy share beside the server's CPU per
 * request: the generator at 100 % busy means the answers it times queued in its own socket buffers.
 */
export const stampede = async ({
  origin,
  path,
  warmPath = '/health',
  warmRequests = 5000,
  connections = 500,
  requests = 5000,
  headers = {},
  shards = 1,
  serverPid,
}: {
  origin: string;
  path: string;
  warmPath?: string;
  warmRequests?: number;
  connections?: number;
  requests?: number;
  headers?: Record<string, string>;
  shards?: number;
  serverPid?: number;
}): Promise<StampedeResult> => {
  const share = (total: number, i: number) => Math.floor(total / shards) + (i < total % shards ? 1 : 0);
  const workers = Array.from({ length: shards }, (_, i) =>
    startShard({
      origin,
      path,
      warmPath,
      warmRequests: Math.max(share(warmRequests, i), share(connections, i)),
      headers,
      connections: share(connections, i),
      requests: share(requests, i),
    }),
  );
  try {
    await Promise.all(workers.map((w) => w.warmed));
    const serverBefore = serverPid === undefined ? 0 : processCpuMicros(serverPid);
    const cpuBefore = process.cpuUsage();
    for (const w of workers) w.go();
    const results = await Promise.all(workers.map((w) => w.done));
    const cpu = process.cpuUsage(cpuBefore);
    const merged = merge(results, (cpu.user + cpu.system) / requests);
    if (serverPid === undefined) return merged;
    return { ...merged, serverMicros: (processCpuMicros(serverPid) - serverBefore) / requests };
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
};

// Worker threads do not inherit tsx's loader: the shard registers it, then imports the TypeScript file.
const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(
  new URL('./stampede-shard.ts', import.meta.url).href,
)}); })`;

const startShard = (job: ShardJob) => {
  const worker = new Worker(boot, { eval: true, workerData: job });
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a stampede shard exited (code ${code})`)));
  });
  const next = <K extends ShardMessage['kind']>(kind: K) =>
    Promise.race([
      new Promise<Extract<ShardMessage, { kind: K }>>((resolve) => {
        const listen = (message: ShardMessage) => {
          if (message.kind !== kind) return;
          worker.off('message', listen);
          resolve(message as Extract<ShardMessage, { kind: K }>);
        };
        worker.on('message', listen);
      }),
      failed,
    ]);
  failed.catch(() => {});
  return {
    worker,
    warmed: next('warmed'),
    done: next('done').then((message) => message.result),
    go: () => worker.postMessage('go'),
  };
};

const sum = (records: Record<string, number>[]) => {
  const total: Record<string, number> = {};
  for (const record of records)
    for (const [key, n] of Object.entries(record)) total[key] = (total[key] ?? 0) + n;
  return total;
};

const merge = (results: ShardResult[], clientMicros: number): StampedeResult => {
  const latencies = Float64Array.from(results.flatMap((r) => [...r.latencies])).sort();
  // Nearest rank: the smallest latency at or above which the share p of answers fell.
  const at = (p: number) => latencies[Math.max(0, Math.ceil(p * latencies.length) - 1)] ?? Number.NaN;
  return {
    requests: latencies.length,
    seconds:
      (Math.max(...results.map((r) => r.endedAt)) - Math.min(...results.map((r) => r.startedAt))) / 1000,
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
    codes: sum(results.map((r) => r.codes)),
    errors: results.reduce((n, r) => n + r.errors, 0),
    freshConnections: results.reduce((n, r) => n + r.freshConnections, 0),
    warmConnections: results.reduce((n, r) => n + r.warmConnections, 0),
    warmCodes: sum(results.map((r) => r.warmCodes)),
    clientMicros,
    loopBusy: results.map((r) => r.loopBusy),
  };
};

/** One line of a stampede's numbers, the generator's own cost beside the server's. */
export const describeStampede = (r: StampedeResult) =>
  [
    `${r.seconds.toFixed(2)} s`,
    `p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`,
    `answers ${JSON.stringify(r.codes)}, errors ${r.errors}`,
    `connections ${r.warmConnections} warmed (answers ${JSON.stringify(r.warmCodes)}), ${r.freshConnections} opened while timed`,
    `load generator ${r.clientMicros.toFixed(0)} µs/req (loop busy ${r.loopBusy.map((b) => `${(b * 100).toFixed(0)} %`).join(' + ')})`,
    ...(r.serverMicros === undefined ? [] : [`server ${r.serverMicros.toFixed(0)} µs/req`]),
  ].join(', ');
