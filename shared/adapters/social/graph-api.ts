import type { PublishOutcome } from '../../ports/social-publisher.ts';
import { detailOf, type HttpAnswer, outcomeOfStatus } from './publish-http.ts';
import { notBefore } from './rate-limit-reset.ts';

/** Meta's Graph API (Facebook Pages and Threads) answers every error in this shape, mostly with HTTP 400. */
type GraphError = {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
};

/** App (4), user (17), Page (32), custom (613) and Business Use Case (80001–80014) throttling. */
const isThrottling = (code: number) => [4, 17, 32, 613].includes(code) || (code >= 80_001 && code <= 80_014);
/** 190: token invalid, expired or revoked; 102: session; 10 and 200–299: a permission the token lacks. */
export const needsNewToken = (code: number) =>
  code === 190 || code === 102 || code === 10 || (code >= 200 && code <= 299);
/** Throttling windows are one hour when Meta does not estimate the wait. */
const RATE_WINDOW_MS = 60 * 60_000;

export const graphErrorOf = (answer: HttpAnswer): GraphError | undefined =>
  (answer.body as { error?: GraphError } | undefined)?.error;

export const graphOutcome = (
  answer: HttpAnswer,
  now: Date,
  { duplicateCodes = [] }: { duplicateCodes?: number[] } = {},
): PublishOutcome => {
  const detail = detailOf(answer);
  const retryAt = () => notBefore(usageReset(answer.headers, now), now, RATE_WINDOW_MS);
  const error = graphErrorOf(answer);
  const code = error?.code;
  if (code === undefined) return outcomeOfStatus(answer, retryAt);
  if (needsNewToken(code)) return { kind: 'needs_reconnect', detail };
  if (duplicateCodes.includes(code)) return { kind: 'duplicate', detail };
  if (isThrottling(code) || answer.status === 429)
    return { kind: 'rate_limited', retryAt: retryAt(), detail };
  // Unknown (1) and temporary (2) errors come after the post may have been made.
  if (code === 1 || code === 2 || error?.is_transient || answer.status >= 500)
    return { kind: 'unknown', detail };
  return { kind: 'rejected', detail };
};

type BusinessUseCaseUsage = Record<string, { estimated_time_to_regain_access?: number }[]>;

/** `x-business-use-case-usage` estimates, in minutes, when a throttled Page may call again. */
export const usageReset = (headers: Headers, now: Date): Date | undefined => {
  try {
    const usage = JSON.parse(headers.get('x-business-use-case-usage') ?? '{}') as BusinessUseCaseUsage;
    const minutes = Math.max(
      0,
      ...Object.values(usage)
        .flat()
        .map((entry) => entry.estimated_time_to_regain_access ?? 0),
    );
    return minutes > 0 ? new Date(now.getTime() + minutes * 60_000) : undefined;
  } catch {
    return undefined;
  }
};
