import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { realNow } from './real-clock.ts';

export const TEST_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const ROTATED_SECRET = 'whsec_dGhlIG5ldyBzZWNyZXQgYWZ0ZXIgcm90YXRpb24=';
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const LINK_KEY = { id: 'test1', secret: 'test-link-key-0123456789abcdefghijklmnop' };
export const SUBSCRIBER_ID_KEY = 'test-subscriber-id-key-0123456789abcdef';

type SignOptions = { secret?: string; id?: string; timestamp?: Date; contentType?: string };

/** A webhook delivery as a Standard Webhooks sender makes it. */
type Delivery = RequestInit & { webhookId: string; headers: Record<string, string> };

export const signedPost = (body: unknown, options: SignOptions = {}): Delivery => {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = options.timestamp ?? realNow();
  return {
    webhookId: id,
    method: 'POST',
    body: payload,
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': new Webhook(options.secret ?? TEST_SECRET).sign(id, timestamp, payload),
    },
  };
};
