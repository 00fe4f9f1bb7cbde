import { beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { PINNED } from './pinned.ts';
import { type Resource, synthTemplate } from './template.ts';

// Issue 18: CloudFormation knows a resource by its logical id. A new id for a retained resource means a new,
// empty one on the next deploy, and the old one orphaned with the data (infra/constructs/pin-logical-id.ts).

let resources: Record<string, Resource & { DeletionPolicy?: string }>;
beforeAll(() => {
  const template: Template = synthTemplate();
  resources = template.toJSON().Resources as typeof resources;
});

describe('the stateful resources', () => {
  it.each(Object.entries(PINNED))('keep the logical id %s', (id, { type, why }) => {
    expect(
      resources[id]?.Type,
      `${id} (${type}) is gone from the template. A deploy would create a new, empty resource and orphan the one holding ${why}. Keep its construct or pin the old id with pinLogicalId().`,
    ).toBe(type);
  });

  it('are all pinned: every resource kept when the stack goes is in the list above', () => {
    const retained = Object.entries(resources)
      .filter(([, r]) => r.DeletionPolicy === 'Retain')
      .map(([id]) => id);
    expect(
      retained.sort(),
      'A retained resource holds data a new logical id would orphan: pin it (pinLogicalId) and list it here',
    ).toEqual(Object.keys(PINNED).sort());
  });
});
