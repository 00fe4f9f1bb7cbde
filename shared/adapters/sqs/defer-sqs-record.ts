import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { sendToQueue } from './sqs-queue.ts';

export type SqsRecord = { messageId: string; receiptHandle: string; body: string };

/**
 * A message whose work must wait `retryAfterMs`. `requeue`: sent again as a new delayed message, so a long
 * wait burns none of this message's receives; the record itself succeeds. Otherwise this message is made invisible until then and
 * reported as a failed item, so a real retry counts toward the dead-letter queue.
 * Returns whether the record is a failed item.
 */
export const deferSqsRecord = async (
  sqs: SQSClient,
  queueUrl: string,
  record: SqsRecord,
  { retryAfterMs, requeue = false }: { retryAfterMs: number; requeue?: boolean },
): Promise<boolean> => {
  if (requeue) {
    await sendToQueue(sqs, queueUrl, record.body, retryAfterMs / 1000);
    return false;
  }
  await sqs.send(
    new ChangeMessageVisibilityCommand({
      QueueUrl: queueUrl,
      ReceiptHandle: record.receiptHandle,
      VisibilityTimeout: Math.min(43_200, Math.ceil(retryAfterMs / 1000)),
    }),
  );
  return true;
};
