import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import { Node } from 'constructs';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_REGIONS } from '../../infra/deploy-regions.ts';
import { nagFindings } from './nag.ts';
import { PINNED } from './pinned.ts';
import { MATRIX } from './settings-matrix.ts';
import { buildStack, type Resource } from './template.ts';
import {
  asyncInvoked,
  deadLetterProblems,
  throttleProblems,
  unkeptFailures,
  unwatchedWorkingQueues,
} from './walks.ts';

// Issue 23: a setting the deploy guide documents deploys. Each combination is synthesized once, as `cdk synth`
// would (cdk.json's flags, no bundling), then held to cdk-nag and to the walks that the default stack passes.

/** The stack, and the context keys the app read while building it (tryGetContext). */
const buildReading = (context: Record<string, string>) => {
  const read = new Set<string>();
  const tryGetContext = Node.prototype.tryGetContext;
  Node.prototype.tryGetContext = function (this: Node, key: string) {
    read.add(key);
    return tryGetContext.call(this, key);
  };
  try {
    return { stack: buildStack(context), read };
  } finally {
    Node.prototype.tryGetContext = tryGetContext;
  }
};

const retainedIds = (template: Template) =>
  Object.entries(template.toJSON().Resources as Record<string, Resource & { DeletionPolicy?: string }>)
    .filter(([, r]) => r.DeletionPolicy === 'Retain')
    .map(([id]) => id);

describe.each(MATRIX)('the stack with $name', ({ context }) => {
  it('synthesizes with no cdk-nag finding unacknowledged and every template walk clean', () => {
    const { stack, read } = buildReading(context);
    const template = Template.fromStack(stack);
    // Each key the combination sets is one the app reads: a misspelt key would test the defaults again.
    expect([...Object.keys(context)].filter((key) => !read.has(key))).toEqual([]);
    expect(nagFindings(stack)).toEqual([]);
    expect(unkeptFailures(template)).toEqual([]);
    expect(asyncInvoked(template).size).toBeGreaterThanOrEqual(2);
    expect(unwatchedWorkingQueues(template)).toEqual([]);
    expect(deadLetterProblems(template)).toEqual([]);
    expect(throttleProblems(template)).toEqual([]);
    // Retained resources keep their first ids; the SES identity is absent when it exists already.
    const pinned = Object.keys(PINNED).filter(
      (id) => !(id === 'SenderIdentityC573EDB0' && context.createEmailIdentity === 'false'),
    );
    expect(retainedIds(template).sort()).toEqual(pinned.sort());
  });
});

describe('the deploy guide', () => {
  it('names exactly the regions the secrets extension has a layer in, which the deploy checks', () => {
    const guide = readFileSync(new URL('../../docs/deploy.md', import.meta.url), 'utf8');
    const after = guide.split('<!-- supported regions:')[1] ?? '';
    const paragraph = after.split('\n\n')[1] ?? '';
    const named = [...paragraph.matchAll(/`([a-z]{2}(-[a-z]+)+-\d)`/g)].map((m) => m[1]);
    expect(named).toEqual([...SUPPORTED_REGIONS]);
    expect(SUPPORTED_REGIONS).toContain('eu-west-3');
    expect(SUPPORTED_REGIONS).not.toContain('eu-central-2');
  });
});

describe('the settings matrix', () => {
  it('covers every context key docs/deploy.md documents', () => {
    const guide = readFileSync(new URL('../../docs/deploy.md', import.meta.url), 'utf8');
    // The settings table (its header starts `| context`), first column: `key`, or `account`, `region`.
    const lines = guide.split('\n');
    const start = lines.findIndex((line) => /^\| context\s*\|/.test(line));
    const end = lines.findIndex((line, at) => at > start && !line.startsWith('|'));
    const documented = lines
      .slice(start + 2, end)
      .flatMap((line) =>
        [...(line.split('|')[1] ?? '').matchAll(/`([a-zA-Z]+)`/g)].map((m) => m[1] as string),
      );
    expect(start).toBeGreaterThan(0);
    expect(documented.length).toBeGreaterThan(20);
    const covered = new Set(MATRIX.flatMap(({ context }) => Object.keys(context)));
    expect(documented.filter((key) => !covered.has(key))).toEqual([]);
  });

  it('would catch the feed poller granting every version of itself, as it once did', () => {
    const feed = MATRIX.find(({ name }) => name === 'feedUrl alone');
    const { stack } = buildReading(feed?.context ?? {});
    Template.fromStack(stack);
    const poller = stack.node.findChild('FeedPoller');
    expect(nagFindings(poller)).toEqual([]);
    // The poller is one more asynchronously invoked function, with its own failure path (checked above).
    expect(asyncInvoked(Template.fromStack(stack)).size).toBe(
      asyncInvoked(Template.fromStack(buildReading({}).stack)).size + 1,
    );
  });
});
