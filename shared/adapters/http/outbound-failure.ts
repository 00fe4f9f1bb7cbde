import type { OutboundFailure, OutboundRefusal } from '../../ports/outbound-fetch.ts';
import { NonPublicAddressError } from './guarded-lookup.ts';

type Cause = { code?: string; message?: string; cause?: unknown };

/** The chain of causes fetch hides the reason in (a TypeError "fetch failed" over a system or undici error). */
const causes = (error: unknown): Cause[] => {
  const chain: Cause[] = [];
  for (let at = error; at && typeof at === 'object' && chain.length < 5; at = (at as Cause).cause)
    chain.push(at as Cause);
  return chain;
};

const networkDetail = (chain: Cause[]): string => {
  const cause = chain.find((c) => typeof c.code === 'string') ?? chain.at(-1);
  switch (cause?.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'DNS: no such host';
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset';
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connection timed out';
    default:
      if (cause?.code?.startsWith('ERR_TLS') || cause?.code?.includes('CERT')) return `TLS: ${cause.code}`;
      return cause?.message ?? 'fetch failed';
  }
};

/** What a thrown fetch means: an address refused at connect time, the time spent, or the network's trouble. */
export const outboundFailure = (
  url: string,
  error: unknown,
  timeout: { signal: AbortSignal; ms: number },
): OutboundFailure | OutboundRefusal => {
  const chain = causes(error);
  const refused = chain.find((c): c is NonPublicAddressError => c instanceof NonPublicAddressError);
  if (refused) return { kind: 'refused', reason: 'not_public', url, detail: refused.message };
  if (timeout.signal.aborted)
    return { kind: 'failed', url, detail: `no answer within ${timeout.ms} ms`, timedOut: true };
  return { kind: 'failed', url, detail: networkDetail(chain), timedOut: false };
};
