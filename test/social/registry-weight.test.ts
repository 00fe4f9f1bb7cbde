import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const bundledInputs = async (entry: string) => {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
  return Object.keys(metafile.inputs);
};

// Nearly every function lists the networks; few compose a post. twitter-text (~110 KB minified) must stay with
// the composer, or the redirect and every other bundle carries it.
describe("the registry's weight", () => {
  it('lists the networks without loading a counting library', async () => {
    const inputs = await bundledInputs('shared/domain/social/networks.ts');
    expect(inputs.filter((path) => path.includes('node_modules/'))).toEqual([]);
  });

  it('loads twitter-text where a post is composed', async () => {
    const inputs = await bundledInputs('shared/domain/social/compose-post.ts');
    expect(inputs.some((path) => path.includes('node_modules/twitter-text/'))).toBe(true);
  });
});
