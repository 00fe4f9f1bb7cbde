import { defineConfig } from 'vitest/config';
import { SLOW_END_TO_END } from './vitest.e2e.config.ts';

/**
 * `npm test`: everything but the browser tests and the slow end-to-end runs (crashes injected into a whole
 * Sunday), which CI runs on their own (`npm run test:e2e`) so the everyday run stays within five minutes.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', ...SLOW_END_TO_END],
    globalSetup: ['test/setup/stand-ins.ts'],
    // Three files at once on these 2-core machines (vitest's default runs one): each file has its own table and
    // its own recipients on the shared stand-ins, and most of a file's time is spent waiting on them or on a
    // child process, so a third worker fills the cores: 258 s against 321 s with two, on a quiet machine.
    maxWorkers: 3,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', AWS_EC2_METADATA_DISABLED: 'true' },
  },
});
