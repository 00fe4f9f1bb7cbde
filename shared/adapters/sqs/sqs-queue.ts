import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

/**
 * One message on an SQS queue; SQS keeps it until a consumer deletes it. Delays stop at 15 minutes: a longer
 * wait is found again, and put back, when the message comes out.
 */
export const sendToQueue = async (sqs: SQSClient, queueUrl: string, body: string, delaySeconds = 0) => {
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: body,
      ...(delaySeconds > 0 ? { DelaySeconds: Math.min(900, Math.ceil(delaySeconds)) } : {}),
    }),
  );
};

/** A queue of JSON messages on AWS: the send queue (one batch each) and the social queue (issue, network). */
export const sqsQueue = <T>(sqs: SQSClient, queueUrl: string) => ({
  enqueue: (message: T, { delaySeconds = 0 }: { delaySeconds?: number } = {}) =>
    sendToQueue(sqs, queueUrl, JSON.stringify(message), delaySeconds),
});
