import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Node } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../infra/config.ts';
import { buildStack, type Resource } from './template.ts';

// Issue 6: every resource, output, count and setting that docs/deploy.md and docs/cost.md name in a table
// marked "checked against …" must be what the synthesized stack has. Change one without the other and this fails.

type Row = Record<string, string>;
const DOCS = ['docs/deploy.md', 'docs/cost.md'] as const;
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The tables right after a `<!-- checked against … -->` line, as rows keyed by their lower-case headers. */
const checkedTables = (markdown: string): Row[][] => {
  const lines = markdown.split('\n');
  return lines.flatMap((line, at) => {
    if (!/^<!-- checked against .* -->$/.test(line.trim())) return [];
    let i = at + 1;
    while (lines[i]?.trim() === '') i += 1;
    const table: string[][] = [];
    for (; lines[i]?.trim().startsWith('|'); i += 1) {
      table.push(
        (lines[i] as string)
          .trim()
          .slice(1, -1)
          .split('|')
          .map((cell) => cell.trim()),
      );
    }
    const [header = [], _separator, ...rows] = table;
    const names = header.map((name) => name.toLowerCase());
    return [rows.map((cells) => Object.fromEntries(names.map((name, c) => [name, cells[c] ?? ''])))];
  });
};

/** The code spans of a cell: `Data/Table` → ['Data/Table']; `account`, `region` → both. */
const codeIn = (cell: string | undefined): string[] =>
  [...(cell ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);

let template: Template;
let resources: Resource[];
let contextRead: Set<string>;
beforeAll(() => {
  // The context keys the app reads: every tryGetContext while the stack is built, and the app's own (readEnv).
  const seen = new Set<string>();
  const tryGetContext = Node.prototype.tryGetContext;
  Node.prototype.tryGetContext = function (this: Node, key: string) {
    seen.add(key);
    return tryGetContext.call(this, key);
  };
  try {
    template = Template.fromStack(buildStack());
    readEnv(new App().node);
  } finally {
    Node.prototype.tryGetContext = tryGetContext;
  }
  // CDK's own feature flags and internals are not deployment settings.
  contextRead = new Set([...seen].filter((key) => !/^(@aws-cdk|aws:cdk|aws-cdk)/.test(key)));
  resources = Object.values(template.toJSON().Resources as Record<string, Resource>);
});

const tablesOf = (doc: string) => {
  const tables = checkedTables(read(doc));
  expect(tables.length, doc).toBeGreaterThan(0);
  return tables;
};

describe.each(DOCS)('%s', (doc) => {
  it('names only resources the stack has, with their type (and memory, where it says)', () => {
    const rows = tablesOf(doc)
      .flat()
      .filter((row) => row.resource !== undefined);
    for (const row of rows) {
      const [path] = codeIn(row.resource);
      const [type] = codeIn(row.type);
      const found = resources.find((r) => r.Metadata?.['aws:cdk:path'] === `Dimanche/${path}/Resource`);
      expect(found?.Type, `${doc}: ${path}`).toBe(type);
      if (row.memory)
        expect(`${String(found?.Properties.MemorySize)} MB`, `${doc}: ${path}`).toBe(row.memory);
    }
  });

  it('counts resources as the stack has them', () => {
    const rows = tablesOf(doc)
      .flat()
      .filter((row) => row.count !== undefined && row.resource === undefined);
    for (const row of rows) {
      const [type] = codeIn(row.type);
      expect(resources.filter((r) => r.Type === type).length, `${doc}: ${type}`).toBe(Number(row.count));
    }
  });

  it('names only outputs the stack has', () => {
    const outputs = Object.keys(template.toJSON().Outputs as Record<string, unknown>);
    for (const row of tablesOf(doc)
      .flat()
      .filter((r) => r.output !== undefined)) {
      expect(outputs, doc).toContain(codeIn(row.output)[0]);
    }
  });
});

describe('docs/deploy.md', () => {
  it('documents every setting the app reads, and no other', () => {
    const documented = tablesOf('docs/deploy.md')
      .flat()
      .flatMap((row) => codeIn(row.context));
    expect(documented.length).toBeGreaterThan(0);
    expect(new Set(documented)).toEqual(contextRead);
  });
});

describe('the checked tables', () => {
  it('are found right after their marker, blank lines allowed, and end at the first line that is not a row', () => {
    const markdown = [
      '<!-- checked against the template -->',
      '',
      '| Resource | Type |',
      '| --- | --- |',
      '| `Data/Table` | `AWS::DynamoDB::Table` |',
      'prose',
      '| `Not/Checked` | `AWS::SQS::Queue` |',
      '| unmarked | table |',
    ].join('\n');
    expect(checkedTables(markdown)).toEqual([[{ resource: '`Data/Table`', type: '`AWS::DynamoDB::Table`' }]]);
    expect(codeIn('`account`, `region`')).toEqual(['account', 'region']);
  });
});
