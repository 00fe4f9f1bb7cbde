import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
const tsx = resolve(repoRoot, 'node_modules/.bin/tsx');

export const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });

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
