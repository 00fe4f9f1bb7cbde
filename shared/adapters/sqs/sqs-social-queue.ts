import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SocialQueue } from '../../ports/social-queue.ts';

/** The social queue on AWS: one JSON message per (issue, network), consumed by the social worker. */
export const sqsSocialQueue = (sqs: SQSClient, queueUrl: string): SocialQueue => ({
  enqueue: async (message, options = {}) => {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(message),
        // SQS delays stop at 15 minutes: a longer wait is found again, and put back, when it comes out.
        ...(options.delaySeconds ? { DelaySeconds: Math.min(900, Math.ceil(options.delaySeconds)) } : {}),
      }),
    );
  },
});
