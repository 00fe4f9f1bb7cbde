import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export type Child<T> = {
  first: T;
  lines: AsyncIterator<string>;
  process: ChildProcess;
  stop: () => Promise<void>;
};

/**
 * A fresh Node process running `file`: a bench TypeScript file through tsx (a bare name is in bench/delivery), or a built `.mjs` as it
 * is. It speaks one JSON object per line on stdout; its first
 * line (its URLs, or its result) is awaited here. Its stdin stays open: a child watching for its end dies with
 * the bench, even if the bench is killed.
 */
export const startChild = async <T>(
  file: string,
  args: string[] = [],
  nodeOptions: string[] = [],
  env: Record<string, string> = {},
): Promise<Child<T>> => {
  const path = file.includes('/') ? file : `bench/delivery/${file}`;
  const entry = file.endsWith('.mjs') ? [file] : ['--import', 'tsx', path];
  const child = spawn(process.execPath, [...nodeOptions, ...entry, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await lines.next();
  if (line.done) throw new Error(`${file} exited before it answered (code ${child.exitCode})`);
  return {
    first: JSON.parse(line.value) as T,
    lines,
    process: child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
};

/** In the child: exit when the parent goes away (its end of stdin closes). */
export const exitWithParent = () => {
  process.stdin.resume();
  process.stdin.once('end', () => process.exit(0));
};

export const say = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`);
