import { createMiddleware } from 'hono/factory';
import { isWebhookId, webhookSignatures } from '../../shared/usecases/posts/webhook-signature.ts';
import { HttpProblem } from './problem.ts';

export type VerifiedWebhook = { id: string; body: unknown };
export type WebhookEnv = { Variables: { webhook: VerifiedWebhook } };

/** A signed post (Standard Webhooks, see webhookSignatures): its id and JSON body, or a 401/400 problem. */
export const verifyWebhook = ({ secrets }: { secrets: () => Promise<readonly string[]> }) => {
  const failureOf = webhookSignatures(secrets);
  return createMiddleware<WebhookEnv>(async (c, next) => {
    const payload = await c.req.text();
    const headers = {
      'webhook-id': c.req.header('webhook-id') ?? '',
      'webhook-timestamp': c.req.header('webhook-timestamp') ?? '',
      'webhook-signature': c.req.header('webhook-signature') ?? '',
    };
    const failure = await failureOf(payload, headers);
    if (failure) throw unauthorised(failure);
    // After the signature, so an unsigned caller learns nothing; before anything is keyed by it.
    if (!isWebhookId(headers['webhook-id'])) throw invalidId();
    c.set('webhook', { id: headers['webhook-id'], body: parseJson(payload) });
    await next();
  });
};

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
