import type { PublishOutcome } from '../../ports/social-publisher.ts';

export type HttpAnswer = { status: number; headers: Headers; text: string; body: unknown };

/** What a call that got no answer can say: nothing was sent, or it may have been. */
export type NoAnswer = { kind: 'not_sent' | 'unknown'; detail: string };

export type CallResult = { ok: true; answer: HttpAnswer } | { ok: false; outcome: NoAnswer };

/** What every publisher takes besides its account. */
export type PublisherOptions = {
  /** How long one call may take; past it the outcome is unknown (the request may have been acted on). */
  timeoutMs?: number;
  clock?: { now: () => Date };
  fetch?: typeof fetch;
};

/** Reading an account's posts failed: not the same as "not found", so the caller must not act on it. */
export class SocialLookupError extends Error {
  override name = 'SocialLookupError';
}

/** Errors that prove the connection was never made, so the request never left this machine. */
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const causes = (error: unknown, depth = 0): unknown[] => {
  if (depth > 6 || typeof error !== 'object' || error === null) return [error];
  const nested = [
    ...((error as { errors?: unknown[] }).errors ?? []),
    ...('cause' in error ? [(error as { cause: unknown }).cause] : []),
  ];
  return [error, ...nested.flatMap((inner) => causes(inner, depth + 1))];
};

export const describeError = (error: unknown): string =>
  causes(error)
    .filter((e): e is Error => e instanceof Error)
    .map((e) => `${e.name}: ${e.message}${'code' in e ? ` (${String(e.code)})` : ''}`)
    .slice(0, 3)
    .join(' ← ') || String(error);

/**
 * A call that got no answer. A refused or unresolvable connection sent nothing: safe to retry. Anything else
 * (a timeout, a connection reset) may have reached the network after the request was written: unknown.
 */
export const transportOutcome = (error: unknown): NoAnswer => {
  const detail = describeError(error);
  const neverConnected = causes(error).some(
    (e) => typeof e === 'object' && e !== null && NEVER_CONNECTED.has(String((e as { code?: unknown }).code)),
  );
  return neverConnected ? { kind: 'not_sent', detail } : { kind: 'unknown', detail };
};

/** One HTTP call with a deadline that covers the body too; the body is parsed as JSON when it is JSON. */
export const call = async (
  url: string | URL,
  init: RequestInit,
  { timeoutMs, fetch: fetchImpl = fetch }: { timeoutMs: number; fetch?: typeof fetch },
): Promise<CallResult> => {
  try {
    const response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    return {
      ok: true,
      answer: { status: response.status, headers: response.headers, text, body: parse(text) },
    };
  } catch (error) {
    return { ok: false, outcome: transportOutcome(error) };
  }
};

/** A read for reconciliation: any failure throws, since "could not look" must not pass for "not there". */
export const read = async (
  url: string | URL,
  init: RequestInit,
  options: { timeoutMs: number; fetch?: typeof fetch },
): Promise<unknown> => {
  const result = await call(url, init, options);
  // The path only: a query may carry an access token.
  const { pathname } = new URL(url);
  if (!result.ok) throw new SocialLookupError(`${pathname}: ${result.outcome.detail}`);
  if (result.answer.status >= 300) throw new SocialLookupError(`${pathname}: ${detailOf(result.answer)}`);
  return result.answer.body;
};

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** Status and the start of the body: enough for the author's report and the logs, never a whole page. */
export const detailOf = ({ status, text }: Pick<HttpAnswer, 'status' | 'text'>): string =>
  `HTTP ${status}${text ? `: ${text.length > 300 ? `${text.slice(0, 300)}…` : text}` : ''}`;

/** The outcome of an answer no network-specific rule claimed. */
export const outcomeOfStatus = (answer: HttpAnswer, retryAt: () => Date): PublishOutcome => {
  const detail = detailOf(answer);
  if (answer.status === 401) return { kind: 'needs_reconnect', detail };
  if (answer.status === 429) return { kind: 'rate_limited', retryAt: retryAt(), detail };
  if (answer.status >= 500) return { kind: 'unknown', detail };
  return { kind: 'rejected', detail };
};
