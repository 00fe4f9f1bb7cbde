import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { cdnListener } from './cdn-listener.ts';
import type { EdgeCache } from './edge-cache.ts';

/**
 * An HTTP server with the edge in front of the app: what `npm start` and the HTTP bench listen with. The app's
 * listener is @hono/node-server's, so what passes through sees the socket (the reader's address) as before.
 *
 * @example
 * const cache = edgeCache({ clock: systemClock });
 * const { url } = await serveThroughCdn({ fetch: app.fetch, cache, port: 3000 });
 */
export const serveThroughCdn = async ({
  fetch,
  cache,
  port = 0,
  hostname = '127.0.0.1',
}: {
  /** The app's `fetch`: given @hono/node-server's bindings when a request passes through. */
  fetch: (request: Request, env?: object) => Response | Promise<Response>;
  cache: EdgeCache;
  port?: number;
  hostname?: string;
}): Promise<{ server: Server; url: string }> => {
  const passThrough = getRequestListener(fetch);
  const server = createServer(
    // The edge asks the app as CloudFront does: no socket of the reader's, only the request.
    cdnListener({ cache, origin: (request) => fetch(request), passThrough }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve());
  });
  return { server, url: `http://${hostname}:${(server.address() as AddressInfo).port}` };
};
