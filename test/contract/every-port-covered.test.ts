import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const DYNAMODB = new URL('../../shared/adapters/dynamodb/', import.meta.url);
const MEMORY = new URL('../../shared/adapters/memory/', import.meta.url);
const STORES = new URL('./stores.ts', import.meta.url);

/** Factories that are parts or bundles of a store whose contract runs already, not ports of their own. */
const PARTS = {
  dynamoSundayClaims: 'the issue store builds it in',
  dynamoSubscribers: 'the subscriber store with its directory, each proven on its own',
  memorySubscribers: 'the subscriber store with its directory, each proven on its own',
  memoryLedger: 'the campaign store builds it in',
};

const factoriesIn = async (folder: URL, prefix: string) => {
  const names: string[] = [];
  for (const file of await readdir(folder))
    if (file.endsWith('.ts'))
      for (const [, name] of (await readFile(new URL(file, folder), 'utf8')).matchAll(
        new RegExp(`export const (${prefix}[A-Z][A-Za-z]*)`, 'g'),
      ))
        names.push(name as string);
  return names.sort();
};

describe('the contract suites', () => {
  it('run every DynamoDB store and its in-memory twin', async () => {
    const stores = await readFile(STORES, 'utf8');
    const dynamo = (await factoriesIn(DYNAMODB, 'dynamo')).filter((name) => !(name in PARTS));
    const memory = (await factoriesIn(MEMORY, 'memory')).filter((name) => !(name in PARTS));
    expect(dynamo.filter((name) => !stores.includes(`${name}(`))).toEqual([]);
    expect(
      dynamo.map((name) => name.replace(/^dynamo/, 'memory')).filter((n) => !memory.includes(n)),
    ).toEqual([]);
    expect(memory.filter((name) => !stores.includes(`${name}(`))).toEqual([]);
  });
});
