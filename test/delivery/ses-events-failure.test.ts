import { describe, expect, inject, it } from 'vitest';
import { handleSnsEvent, type SnsEvent } from '../../shared/adapters/ses/ses-events-handler.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { ASYNC_RETRY_ATTEMPTS } from '../../infra/constructs/async-failures.ts';
import { asyncInvoker, type InvocationRecord } from '../../infra/local/runtime/async-invoke.ts';
import { redrive } from '../../infra/redrive/redrive.ts';
import { hmacSubscriberIds } from '../../shared/adapters/crypto/hmac-subscriber-ids.ts';
import { dynamoWebhookReceipts } from '../../shared/adapters/dynamodb/webhook-receipts.ts';
import { inProcessQueue } from '../../infra/local/runtime/in-process-queue.ts';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import type { Subscriber } from '../../shared/domain/subscriber.ts';
import type { SubscriberStore } from '../../shared/ports/subscriber-store.ts';
import { deliverySetup } from '../support/delivery-setup.ts';
import { inProcessRedriveQueue } from '../support/redrive-queue.ts';
import { freshTable } from '../support/tables.ts';

// Issue 18: SNS invokes the SES events function asynchronously. A complaint the function throws on is retried
// by Lambda and then kept in the on-failure queue, not dropped: here through the local stand-in of that path,
// with the retries the stack sets (ASYNC_RETRY_ATTEMPTS) and a queue of SQS's semantics.

const complaintOf = (s: Subscriber, n: number): SnsEvent => ({
  Records: [
    {
      Sns: {
        MessageId: `sns-${n}`,
        Message: JSON.stringify({
          eventType: 'Complaint',
          mail: {
            messageId: `ses-${s.id}`,
            tags: { campaign: [campaignIdFor('iss_34')], subscriber: [s.id] },
            destination: [s.email],
          },
          complaint: { complainedRecipients: [{ emailAddress: s.email }] },
        }),
      },
    },
  ],
});

class TableUnavailableError extends Error {
  override name = 'TableUnavailableError';
}

/** The real store, but DynamoDB refuses to suppress one reader while `failing` holds: a fault dynalite has not. */
const failingFor = (store: SubscriberStore, victim: string, state: { failing: boolean; calls: number }) =>
  ({
    ...store,
    suppress: async (...args: Parameters<SubscriberStore['suppress']>) => {
      if (args[0] === victim && state.failing) {
        state.calls += 1;
        throw new TableUnavailableError('ProvisionedThroughputExceededException');
      }
      return store.suppress(...args);
    },
  }) satisfies SubscriberStore;

describe('an SES event the function keeps failing on', () => {
  it('is tried three times, then kept in the on-failure queue with its payload, and handled once redriven', async () => {
    const t = await deliverySetup();
    const { doc, tableName } = await freshTable(inject('dynaliteUrl'));
    const [victim, other] = await t.addSubscribers(2, 'confirmed');
    if (!victim || !other) throw new Error('no subscribers');
    const fault = { failing: true, calls: 0 };
    const deps = {
      subscribers: failingFor(t.subscribers, victim.id, fault),
      campaigns: t.campaigns,
      receipts: dynamoWebhookReceipts(doc, tableName),
      ids: hmacSubscriberIds('k'.repeat(32)),
      clock: t.clock,
      logger: createJsonLogger({ service: 'test', level: 'silent' }),
    };
    const failures = inProcessQueue<InvocationRecord<SnsEvent>>({ visibilityMs: 30_000, maxReceives: 5 });
    const lambda = asyncInvoker({
      handler: (event: SnsEvent) => handleSnsEvent(event, deps),
      functionArn: 'arn:aws:lambda:eu-west-3:123456789012:function:SesEvents',
      retryAttempts: ASYNC_RETRY_ATTEMPTS,
      onFailure: failures,
      clock: t.clock,
    });

    const failed = complaintOf(victim, 1);
    const outcomes = await Promise.all([
      lambda.invoke(failed).settled,
      lambda.invoke(complaintOf(other, 2)).settled,
    ]);

    expect(outcomes).toEqual(['kept', 'handled']);
    expect(fault.calls).toBe(3);
    expect(await t.subscribers.get(other.id)).toMatchObject({ status: 'suppressed', reason: 'complaint' });
    expect(await t.subscribers.get(victim.id)).toMatchObject({ status: 'confirmed' });
    const [kept, ...more] = failures.receive(10);
    expect(more).toEqual([]);
    if (!kept) throw new Error('nothing kept');
    // Back in the queue, as SQS would after its visibility timeout, for the redrive below.
    failures.changeVisibility(kept.id, kept.receipt, 0);
    expect(kept.body).toMatchObject({
      requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: failed,
      responsePayload: { errorType: 'TableUnavailableError' },
      timestamp: t.clock.now().toISOString(),
    });

    // `npm run redrive` once the table is back: the complaint is invoked again and suppresses its reader.
    fault.failing = false;
    const replays: Promise<string>[] = [];
    const report = await redrive(inProcessRedriveQueue(failures), async (functionArn, payload) => {
      expect(functionArn).toBe('arn:aws:lambda:eu-west-3:123456789012:function:SesEvents:$LATEST');
      replays.push(lambda.invoke(payload as SnsEvent).settled);
    });
    expect(report).toEqual({ kind: 'replayed', replayed: 1, left: 0 });
    expect(await Promise.all(replays)).toEqual(['handled']);
    expect(await t.subscribers.get(victim.id)).toMatchObject({ status: 'suppressed', reason: 'complaint' });
    expect(failures.size()).toBe(0);
  });
});
