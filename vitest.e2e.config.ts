import { defineConfig } from 'vitest/config';

/**
 * Whole Sundays (with crashes injected, to all six networks, with the clock moved hours then months), her
 * connections kept by the hourly job alone for 59 days, and a 10,000-row import: tens of seconds to minutes
 * each, so CI runs them beside `npm test`, not inside it (which stays within five minutes).
 */
export const SLOW_END_TO_END = [
  'test/delivery/sender-crash.test.ts',
  'test/e2e/campaign-crash.test.ts',
  'test/delivery/sunday-run.test.ts',
  'test/delivery/dispatch-crash.test.ts',
  'test/delivery/social-sunday.test.ts',
  'test/runtime/connected-sunday.test.ts',
  'test/studio/connected-kept-alive.test.ts',
  'test/subscribers/import-export.test.ts',
];

export default defineConfig({
  test: {
    include: SLOW_END_TO_END,
    globalSetup: ['test/setup/stand-ins.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', AWS_EC2_METADATA_DISABLED: 'true' },
  },
});
