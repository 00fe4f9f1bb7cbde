import { createMiddleware } from 'hono/factory';
import type { Clock } from '../../shared/ports/clock.ts';
import type { WebhookReceipts } from '../../shared/ports/webhook-receipts.ts';
import { HttpProblem } from './problem.ts';
import type { WebhookEnv } from './verify-webhook.ts';

/** How long a delivery may run before another delivery of the same id may take it over. */
const LEASE_MS = 60_000;

/**
 * A replayed `webhook-id` gets the first answer, status and body, and runs nothing. Only a final answer
 * is remembered: after a server error the claim is released so the sender's retry runs again.
 */
export const idempotentWebhook = ({ receipts, clock }: { receipts: WebhookReceipts; clock: Clock }) =>
  createMiddleware<WebhookEnv>(async (c, next) => {
    const { id } = c.get('webhook');
    const claim = await receipts.claim(id, clock.now(), LEASE_MS);
    if (claim.kind === 'done') return replay(claim.response.status, claim.response.body);
    if (claim.kind === 'in_progress') {
      throw new HttpProblem(
        409,
        'delivery-in-progress',
        'This delivery is being processed',
        `Webhook ${id} is still being processed; retry later.`,
        {
          headers: { 'retry-after': String(LEASE_MS / 1000) },
        },
      );
    }
    try {
      await next();
    } catch (error) {
      await receipts.release(id);
      throw error;
    }
    if (c.res.status >= 500) {
      await receipts.release(id);
      return;
    }
    const body: unknown = await c.res.clone().json();
    await receipts.complete(id, { status: c.res.status, body }, clock.now());
  });

const replay = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type':
        status >= 400 ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8',
      'webhook-replayed': 'true',
    },
  });
