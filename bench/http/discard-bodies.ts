import type autocannon from 'autocannon';

/** The one part of autocannon 8's client touched here: where each chunk of an answer's body goes. */
type BodyQueue = { pipelinedRequests?: { addBody?: (chunk: Buffer) => void } };

export class LoadGeneratorChangedError extends Error {
  override name = 'LoadGeneratorChangedError';
}

/**
 * autocannon's `setupClient` for a load that never reads the bodies: its client otherwise appends every chunk
 * to a string (`body += chunk`, a UTF-8 decode of gzip bytes), which nothing here reads (no `expectBody`,
 * `verifyBody` nor `onResponse`). That decode was 44 % of the load generator's CPU on the issue page, ~140 µs
 * for its 8.6 KB of gzip, ~17 ns a byte: it capped any answer of that size near 6,000 req/s on this machine
 * whatever served it (a raw Node listener writing a fixed 8.6 KB buffer included), while the server sat three
 * quarters idle. Without it the load measures the server, as wrk or oha would; the bare route's two bytes
 * cost the same either way. Bytes are still counted (autocannon counts them apart, from the socket).
 */
export const discardBodies = (client: autocannon.Client) => {
  const queue = (client as unknown as BodyQueue).pipelinedRequests;
  // A newer autocannon that moved the field would silently measure the decode again: say so instead.
  if (typeof queue?.addBody !== 'function') {
    throw new LoadGeneratorChangedError('autocannon no longer keeps bodies in pipelinedRequests.addBody');
  }
  queue.addBody = () => {};
};
