import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type TrapListener = {
  port: number;
  /** `http://127.0.0.2:port` (the first host): an address no outbound fetch may ever reach. */
  url: string;
  /** TCP connections that arrived on any of its hosts, whatever came over them. */
  connections: () => number;
  close: () => Promise<void>;
};

const listen = (server: Server, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });

/**
 * A listener on loopback addresses, all on one port, that stands for what a Lambda must never reach (its
 * Runtime API on 127.0.0.1:9001, the metadata service): every connection is counted, and answered 200 with an
 * image so that a client that got through would look like it succeeded. Tests assert it counted none.
 */
export const startTrapListener = async ({
  hosts = ['127.0.0.2'],
}: { hosts?: readonly string[] } = {}): Promise<TrapListener> => {
  let connections = 0;
  const servers = hosts.map(() => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end('secret');
    });
    server.on('connection', () => void (connections += 1));
    return server;
  });
  let port = 0;
  for (const [index, server] of servers.entries()) port = await listen(server, port, hosts[index] as string);
  const first = hosts[0] ?? '127.0.0.2';
  return {
    port,
    url: `http://${first.includes(':') ? `[${first}]` : first}:${port}`,
    connections: () => connections,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve, reject) => {
              server.closeAllConnections();
              server.close((error) => (error ? reject(error) : resolve()));
            }),
        ),
      );
    },
  };
};

/** Every spelling of a loopback address at `port` that a post or a redirect could use. */
export const loopbackSpellings = (port: number): string[] => [
  `http://127.0.0.1:${port}/`,
  `http://localhost:${port}/`,
  `http://2130706433:${port}/`,
  `http://0x7f.1:${port}/`,
  `http://0177.0.0.1:${port}/`,
  `http://127.1:${port}/`,
  `http://[::1]:${port}/`,
  `http://[::ffff:127.0.0.1]:${port}/`,
];
