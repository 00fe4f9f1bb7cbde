import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { repoRoot, type Running, waitForOutput } from '../support/processes.ts';

const tsx = resolve(repoRoot, 'node_modules/.bin/tsx');

export type Stack = Running & { kill: () => Promise<void> };

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const portIsFree = (port: number) =>
  new Promise<boolean>((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });

/**
 * `npm start` as `npm start` runs it, in a process group of its own: tsx runs the script in a child node
 * process, and a crash must take that child too, or an orphan would keep the ports and the data folder.
 */
export const startStack = async (env: Record<string, string>, ports: number[]): Promise<Stack> => {
  const child = spawn(tsx, ['infra/local/cli/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const running: Running = { child, output: () => output, exited };
  let killed = false;
  const kill = async () => {
    if (child.pid === undefined || killed) return;
    killed = true;
    // The whole group, even if tsx itself is gone: its child may not be.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
    await exited;
    // The group's other members die with the same signal; their sockets are gone once the ports are free.
    const deadline = performance.now() + 10_000;
    for (const port of ports)
      while (!(await portIsFree(port))) {
        if (performance.now() > deadline) throw new Error(`port ${port} still taken after the kill`);
        await sleep(50);
      }
  };
  try {
    await waitForOutput(running, 'Ctrl-C stops everything', 60_000);
  } catch (error) {
    await kill();
    throw error;
  }
  return { ...running, kill };
};
