import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

// A CommonJS module with an __esModule default: Node, tsx and Vite disagree on what an ESM import of it gives.
type SesLocalModule = { default: (config?: { host?: string; port?: number }) => Promise<Server> };
const { default: startSesLocal } = createRequire(import.meta.url)('aws-ses-v2-local') as SesLocalModule;

export type RunningServer = { url: string; close: () => Promise<void> };

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const closer = (server: Server) => () =>
  new Promise<void>((resolve, reject) => {
    server.closeAllConnections?.();
    server.close((error) => (error ? reject(error) : resolve()));
  });

/** dynalite: DynamoDB's API over LevelDB, on disk when `path` is given, in memory otherwise. */
export const startDynalite = async ({
  port = 0,
  path,
}: {
  port?: number;
  path?: string;
} = {}): Promise<RunningServer> => {
  const server: Server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(path ? { path } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { url: urlOf(server), close: closer(server) };
};

/** aws-ses-v2-local: SES's API, a mail viewer at `/` and the sent mail as JSON at `/store`. */
export const startSes = async ({ port = 0 }: { port?: number } = {}): Promise<RunningServer> => {
  const server = await startSesLocal({ port, host: '127.0.0.1' });
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  return { url: urlOf(server), close: closer(server) };
};
