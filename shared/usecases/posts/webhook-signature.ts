import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { MisconfiguredError } from '../../domain/misconfigured.ts';

export type WebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/**
 * Standard Webhooks: HMAC-SHA256 over "id.timestamp.body", ±5 minutes, constant-time comparison (the library's).
 * Several secrets may be active at once so the author can rotate without a gap. Answers why a request is not
 * signed, or undefined when one of the secrets signed it.
 */
export const webhookSignatures = (secrets: () => Promise<readonly string[]>) => {
  const verifiersFor = memoiseByIdentity((list: readonly string[]) => {
    if (list.length === 0) throw new MisconfiguredError('verifyWebhook needs at least one secret');
    return list.map((secret) => new Webhook(secret));
  });
  return async (payload: string, headers: WebhookHeaders): Promise<string | undefined> => {
    const missing = Object.entries(headers).find(([, value]) => value === '')?.[0];
    return missing
      ? `Missing header ${missing}`
      : firstFailure(verifiersFor(await secrets()), payload, headers);
  };
};

/**
 * The id becomes part of a DynamoDB key (the idempotency receipt), whose limit is 2 KiB: bounded well below,
 * visible ASCII only. Senders use short ids ("msg_" and a ULID or UUID).
 */
export const isWebhookId = (id: string): boolean => /^[\x21-\x7e]{1,256}$/.test(id);

/** The secrets list only changes when a new instance reads rotated secrets: build its verifiers once. */
const memoiseByIdentity = <K extends object, V>(make: (key: K) => V) => {
  const cache = new WeakMap<K, V>();
  return (key: K): V => {
    const known = cache.get(key);
    if (known) return known;
    const made = make(key);
    cache.set(key, made);
    return made;
  };
};

const firstFailure = (verifiers: Webhook[], payload: string, headers: WebhookHeaders): string | undefined => {
  let reason = 'No matching signature found';
  for (const verifier of verifiers) {
    try {
      verifier.verify(payload, headers, { jsonParse: false });
      return undefined;
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      reason = error.message;
      // A stale or malformed timestamp fails the same way for every secret.
      if (reason !== 'No matching signature found') return reason;
    }
  }
  return reason;
};
