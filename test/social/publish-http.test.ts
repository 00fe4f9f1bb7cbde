import { describe, expect, it } from 'vitest';
import { usageReset } from '../../shared/adapters/social/graph-api.ts';
import { transportOutcome } from '../../shared/adapters/social/publish-http.ts';
import {
  fromEpochSeconds,
  fromRetryAfter,
  fromTimestamp,
  latest,
  notBefore,
} from '../../shared/adapters/social/rate-limit-reset.ts';

const NOW = new Date('2026-11-29T09:00:00Z');
const withCode = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

describe('telling "never sent" from "may have been sent"', () => {
  it('is not_sent only when the connection was never made, however deep the cause', () => {
    expect(transportOutcome(new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') })).kind).toBe(
      'not_sent',
    );
    expect(transportOutcome(new TypeError('fetch failed', { cause: withCode('ENOTFOUND') })).kind).toBe(
      'not_sent',
    );
    const happyEyeballs = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]);
    expect(transportOutcome(new TypeError('fetch failed', { cause: happyEyeballs })).kind).toBe('not_sent');
  });

  it('is unknown for a reset connection, a closed socket or a timeout', () => {
    expect(transportOutcome(new TypeError('fetch failed', { cause: withCode('ECONNRESET') })).kind).toBe(
      'unknown',
    );
    expect(transportOutcome(new TypeError('fetch failed', { cause: withCode('UND_ERR_SOCKET') })).kind).toBe(
      'unknown',
    );
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(transportOutcome(timeout)).toEqual({
      kind: 'unknown',
      detail: expect.stringContaining('TimeoutError'),
    });
  });
});

describe('reading when a rate limit resets', () => {
  it('reads epoch seconds, timestamps and both forms of Retry-After', () => {
    expect(fromEpochSeconds('1795943700')).toEqual(new Date('2026-11-29T09:15:00Z'));
    expect(fromEpochSeconds('soon')).toBeUndefined();
    expect(fromEpochSeconds(null)).toBeUndefined();
    expect(fromTimestamp('2026-11-29T09:05:00.000Z')).toEqual(new Date('2026-11-29T09:05:00Z'));
    expect(fromRetryAfter('90', NOW)).toEqual(new Date('2026-11-29T09:01:30Z'));
    expect(fromRetryAfter('Sun, 29 Nov 2026 10:00:00 GMT', NOW)).toEqual(new Date('2026-11-29T10:00:00Z'));
    expect(fromRetryAfter(undefined, NOW)).toBeUndefined();
  });

  it('waits for the latest reset, never for one in the past, and falls back when none is given', () => {
    expect(latest(undefined, new Date(2), new Date(1))).toEqual(new Date(2));
    expect(latest()).toBeUndefined();
    expect(notBefore(new Date('2026-11-29T08:00:00Z'), NOW, 60_000)).toEqual(
      new Date('2026-11-29T09:00:01Z'),
    );
    expect(notBefore(undefined, NOW, 60_000)).toEqual(new Date('2026-11-29T09:01:00Z'));
  });

  it("reads Meta's estimate in minutes, and ignores a garbled header", () => {
    const headers = new Headers({
      'x-business-use-case-usage': JSON.stringify({
        1: [{ estimated_time_to_regain_access: 5 }, { estimated_time_to_regain_access: 12 }],
      }),
    });
    expect(usageReset(headers, NOW)).toEqual(new Date('2026-11-29T09:12:00Z'));
    expect(usageReset(new Headers({ 'x-business-use-case-usage': '{not json' }), NOW)).toBeUndefined();
    expect(usageReset(new Headers(), NOW)).toBeUndefined();
  });
});
