import type { IncomingMessage } from 'node:http';

/** Sends a request a proxy received, with the body it read, on to `target`: hop-by-hop headers left out. */
export const forwardRequest = (target: string, req: IncomingMessage, body: Buffer) =>
  fetch(`${target}${req.url ?? '/'}`, {
    method: req.method ?? 'POST',
    headers: Object.fromEntries(
      Object.entries(req.headers).filter(
        ([name]) => !['host', 'content-length', 'connection'].includes(name),
      ) as [string, string][],
    ),
    ...(body.length ? { body } : {}),
  });
