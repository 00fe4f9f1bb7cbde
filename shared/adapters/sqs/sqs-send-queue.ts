import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SendQueue } from '../../ports/send-queue.ts';

/** The send queue on AWS: one message per batch, JSON. SQS keeps it until a sender deletes it. */
export const sqsSendQueue = (sqs: SQSClient, queueUrl: string): SendQueue => ({
  enqueue: async (message, options = {}) => {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(message),
        ...(options.delaySeconds ? { DelaySeconds: Math.min(900, Math.ceil(options.delaySeconds)) } : {}),
      }),
    );
  },
});
