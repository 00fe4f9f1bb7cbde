import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
const tsx = resolve(repoRoot, 'node_modules/.bin/tsx');

// Below Linux's ephemeral range (32768–60999 by default): the ports the OS hands to `listen(0)` and to every
// outgoing connection. A port chosen here is bound by the child only later; chosen inside that range, a
// stand-in or a client socket of a test running alongside (CI runs two shifted-clock suites at once) can take it
// in between, and the child dies of EADDRINUSE.
const LOW = 20_000;
const HIGH = 32_000;

const bindable = (port: number) =>
  new Promise<boolean>((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });

export class NoFreePortError extends Error {
  override name = 'NoFreePortError';
}

// Never the same port twice to one test process (three asked at once could otherwise draw the same one).
const given = new Set<number>();

/** A port a child process can listen on: free now, and outside the range the OS gives out by itself. */
export const freePort = async (): Promise<number> => {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (given.has(port)) continue;
    given.add(port);
    if (await bindable(port)) return port;
  }
  throw new NoFreePortError(`no free port between ${LOW} and ${HIGH} after 50 tries`);
};

export type Running = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Runs one of the project's TypeScript entry points as a user would, through tsx. */
export const runScript = (script: string, args: string[], env: Record<string, string>): Running => {
  const child = spawn(tsx, [script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exited };
};

export const waitForOutput = async (running: Running, text: string, timeoutMs = 30_000) => {
  const deadline = performance.now() + timeoutMs;
  while (!running.output().includes(text)) {
    if (running.child.exitCode !== null) throw new Error(`exited early:\n${running.output()}`);
    if (performance.now() > deadline)
      throw new Error(`no "${text}" within ${timeoutMs} ms:\n${running.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
