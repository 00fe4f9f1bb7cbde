import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SocialQueue } from '../../ports/social-queue.ts';

/** The social queue on AWS: one JSON message per (issue, network), consumed by the social worker. */
export const sqsSocialQueue = (sqs: SQSClient, queueUrl: string): SocialQueue => ({
  enqueue: async (message) => {
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(message) }));
  },
});
