import { createMiddleware } from 'hono/factory';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { HttpProblem } from './problem.ts';

export type VerifiedWebhook = { id: string; body: unknown };
export type WebhookEnv = { Variables: { webhook: VerifiedWebhook } };

/**
 * Standard Webhooks: HMAC-SHA256 over "id.timestamp.body", ±5 minutes, constant-time comparison (the library's).
 * Several secrets may be active at once so the author can rotate without a gap.
 */
export const verifyWebhook = ({ secrets }: { secrets: () => Promise<readonly string[]> }) => {
  const verifiersFor = memoiseByIdentity((list: readonly string[]) => {
    if (list.length === 0) throw new Error('verifyWebhook needs at least one secret');
    return list.map((secret) => new Webhook(secret));
  });

  return createMiddleware<WebhookEnv>(async (c, next) => {
    const payload = await c.req.text();
    const headers = {
      'webhook-id': c.req.header('webhook-id') ?? '',
      'webhook-timestamp': c.req.header('webhook-timestamp') ?? '',
      'webhook-signature': c.req.header('webhook-signature') ?? '',
    };
    const missing = Object.entries(headers).find(([, value]) => value === '')?.[0];
    const failure = missing
      ? `Missing header ${missing}`
      : firstFailure(verifiersFor(await secrets()), payload, headers);
    if (failure) throw unauthorised(failure);
    // After the signature, so an unsigned caller learns nothing; before anything is keyed by it.
    if (!WEBHOOK_ID.test(headers['webhook-id'])) throw invalidId();
    c.set('webhook', { id: headers['webhook-id'], body: parseJson(payload) });
    await next();
  });
};

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

const firstFailure = (
  verifiers: Webhook[],
  payload: string,
  headers: Record<string, string>,
): string | undefined => {
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

/**
 * The id becomes part of a DynamoDB key (the idempotency receipt), whose limit is 2 KiB: bounded well below,
 * visible ASCII only. Senders use short ids ("msg_" and a ULID or UUID).
 */
const WEBHOOK_ID = /^[\x21-\x7e]{1,256}$/;

const invalidId = () =>
  new HttpProblem(
    400,
    'invalid-webhook-id',
    'The webhook-id header is not valid',
    'The webhook-id header must be 1 to 256 visible ASCII characters.',
    { errors: [{ pointer: '/headers/webhook-id', detail: 'must be 1 to 256 visible ASCII characters' }] },
  );

const unauthorised = (reason: string) =>
  new HttpProblem(401, 'invalid-signature', 'The webhook signature is not valid', `${reason}.`, {
    headers: { 'www-authenticate': 'Signature realm="webhooks"' },
  });

const parseJson = (payload: string): unknown => {
  try {
    return JSON.parse(payload);
  } catch {
    throw new HttpProblem(
      400,
      'malformed-json',
      'The body is not JSON',
      'The request body could not be parsed as JSON.',
    );
  }
};
