import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/processes.ts';

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(entry.name) ? [relative(repoRoot, path)] : [];
  });

// `createDocumentClient(` and the stores' factories (`dynamoIssueStore(`, `dynamoSubscribers(`…); adapters
// compose their own (subscribers.ts wraps the store and its directory) and are left out.
const buildsAStore = /\b(createDocumentClient|dynamo[A-Z]\w*)\(/;

describe('one wiring for both homes', () => {
  it('builds the table client and every store in functions/wiring/ only', () => {
    const builders = ['functions', 'infra', 'emails', 'shared']
      .flatMap((dir) => sourcesUnder(join(repoRoot, dir)))
      .filter((file) => !file.startsWith('shared/adapters/'))
      .filter((file) => buildsAStore.test(readFileSync(join(repoRoot, file), 'utf8')));
    expect(builders.length).toBeGreaterThan(0);
    expect(builders.filter((file) => !file.startsWith('functions/wiring/'))).toEqual([]);
  });
});
