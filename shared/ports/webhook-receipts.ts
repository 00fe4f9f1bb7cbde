export type StoredResponse = { status: number; body: unknown };

export type ClaimResult =
  { kind: 'claimed' } | { kind: 'done'; response: StoredResponse } | { kind: 'in_progress' };

/**
 * Remembers each webhook delivery by its `webhook-id`, so a replay gets the first answer and writes nothing.
 * A claim is a lease: a delivery whose handler crashed can be taken over after `leaseMs`.
 */
export type WebhookReceipts = {
  claim: (webhookId: string, now: Date, leaseMs: number) => Promise<ClaimResult>;
  complete: (webhookId: string, response: StoredResponse, now: Date) => Promise<void>;
  release: (webhookId: string) => Promise<void>;
};
