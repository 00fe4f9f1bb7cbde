import type { FakeOAuthPolicy } from './fake-authorization-server.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** X: 2-hour access tokens with `offline.access`, refresh tokens rotating on every use. */
export const X_POLICY: FakeOAuthPolicy = { accessTtlMs: 2 * HOUR, refreshes: true, rotates: true };

/** LinkedIn for most apps: 60-day member tokens, no refresh (programmatic refresh is for approved partners). */
export const LINKEDIN_POLICY: FakeOAuthPolicy = { accessTtlMs: 60 * DAY, refreshes: false, rotates: false };
