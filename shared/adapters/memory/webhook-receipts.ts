import type { StoredResponse, WebhookReceipts } from '../../ports/webhook-receipts.ts';
import { stored } from './stored.ts';

type Receipt = { state: 'in_progress'; leaseUntil: number } | { state: 'done'; response: StoredResponse };

/** Receipts in a map: a claim is a lease that may be taken over once run out; a done answer is replayed. */
export const memoryWebhookReceipts = (): WebhookReceipts => {
  const receipts = new Map<string, Receipt>();
  return {
    claim: async (webhookId, now, leaseMs) => {
      const receipt = receipts.get(webhookId);
      if (!receipt || (receipt.state === 'in_progress' && receipt.leaseUntil < now.getTime())) {
        receipts.set(webhookId, { state: 'in_progress', leaseUntil: now.getTime() + leaseMs });
        return { kind: 'claimed' };
      }
      if (receipt.state === 'done') return { kind: 'done', response: stored(receipt.response) };
      return { kind: 'in_progress' };
    },

    complete: async (webhookId, response) => {
      // Kept as the table keeps it: as JSON.
      const body: unknown = JSON.parse(JSON.stringify(response.body));
      receipts.set(webhookId, { state: 'done', response: { status: response.status, body } });
    },

    release: async (webhookId) => {
      if (receipts.get(webhookId)?.state === 'in_progress') receipts.delete(webhookId);
    },
  };
};
