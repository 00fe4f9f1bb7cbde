import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const major = Number(process.versions.node.split('.')[0]);

/**
 * CI runs the handler and adapter tests a second time on Node 24, Lambda's runtime, with EXPECT_NODE_MAJOR=24:
 * this fails if that run quietly fell back to the machine's Node 20.
 */
describe('the Node that runs these tests', () => {
  it('is the one CI asked for, when it asked', () => {
    const expected = process.env.EXPECT_NODE_MAJOR;
    expect(major).toBe(expected === undefined ? major : Number(expected));
  });

  it('is one package.json accepts (Node 20.19 or newer)', () => {
    const { engines } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      engines: { node: string };
    };
    const [wantMajor, wantMinor] = (/>=(\d+)\.(\d+)/.exec(engines.node) ?? []).slice(1).map(Number);
    const [, minor] = process.versions.node.split('.').map(Number);
    expect(major > (wantMajor ?? 0) || (major === wantMajor && (minor ?? 0) >= (wantMinor ?? 0))).toBe(true);
  });
});
