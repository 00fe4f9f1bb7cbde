/**
 * esbuild aliases per function, shared by the CDK constructs and `npm run bench` so both build the same bundle.
 * Paths are relative to the repo root, where esbuild runs.
 */
export const apiBundleAliases = {
  postcss: './infra/bundling/postcss-unused.cjs',
  '@aws-sdk/credential-provider-node': './infra/bundling/credentials-from-env.mjs',
};

// The slim entry parses with htmlparser2 only (no parse5): same HTML out, far smaller bundle (see STACK-NOTES).
// The alias also turns juice's nested cheerio 1.0 into the top-level slim one; the synth test checks both.
export const renderBundleAliases = { cheerio: 'cheerio/slim' };

export const esbuildAliasArgs = (aliases: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(aliases).map(([from, to]) => [`--alias:${from}`, to]));
