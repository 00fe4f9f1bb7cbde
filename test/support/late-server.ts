import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

type Fetch = (request: Request) => Response | Promise<Response>;

/**
 * A server listening before its app exists: the app's public address (its callbacks, its links) is the port
 * the server got. Answers 503 until `use` hands it the app.
 */
export const serveLater = async () => {
  let fetchApp: Fetch = () => new Response('starting', { status: 503 });
  const server = serve({ fetch: (request) => fetchApp(request), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    use: (fetch: Fetch) => void (fetchApp = fetch),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
