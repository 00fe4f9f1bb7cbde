import { build } from 'esbuild';

/** The same esbuild settings NodejsFunction uses in infra/constructs/dimanche-function.ts. */
export const bundleLikeLambda = async (
  entry: string,
  outfile: string,
  alias: Record<string, string> = {},
) => {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    metafile: true,
    alias,
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  return result.metafile;
};
