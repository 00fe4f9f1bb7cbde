import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListDeadLetterSourceQueuesCommand,
  ReceiveMessageCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from '@aws-sdk/client-sqs';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { redrive, type RedriveQueue } from './redrive.ts';

// `npm run redrive -- <queue URL, ARN or name>`: credentials and region as the AWS CLI finds them.
const [target] = process.argv.slice(2).filter((arg) => arg !== '--');
if (!target) {
  process.stderr.write(
    'usage: npm run redrive -- <queue URL, ARN or name>  (a queue of the Dimanche stack)\n',
  );
  process.exit(2);
}

const sqs = new SQSClient({});
const queueUrl = target.startsWith('https://')
  ? target
  : ((await sqs.send(new GetQueueUrlCommand({ QueueName: target.split(':').at(-1) }))).QueueUrl ?? '');
const { Attributes } = await sqs.send(
  new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
);
const queueArn = Attributes?.QueueArn ?? '';

const queue: RedriveQueue = {
  deadLetterSources: async () =>
    (await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: queueUrl }))).queueUrls ?? [],
  moveBack: async () =>
    (await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: queueArn }))).TaskHandle ?? '',
  receive: async () =>
    (
      (
        await sqs.send(
          new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
        )
      ).Messages ?? []
    ).map((m) => ({ id: m.MessageId ?? '', receipt: m.ReceiptHandle ?? '', body: m.Body ?? '' })),
  remove: async ({ receipt }) =>
    void (await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: receipt }))),
};

// Lambda's Invoke, signed by hand: @aws-sdk/client-lambda is not a dependency for one call (the CDK app may not
// import the runtime's signed-fetch adapter either: .dependency-cruiser.cjs).
const region = await sqs.config.region();
const signer = new SignatureV4({
  service: 'lambda',
  region,
  credentials: () => sqs.config.credentials(),
  sha256: Hash.bind(null, 'sha256'),
});
const invokeAsync = async (functionArn: string, payload: unknown): Promise<Response> => {
  const hostname = `lambda.${region}.amazonaws.com`;
  const path = `/2015-03-31/functions/${encodeURIComponent(functionArn)}/invocations`;
  const body = JSON.stringify(payload);
  const signed = await signer.sign(
    new HttpRequest({
      method: 'POST',
      protocol: 'https:',
      hostname,
      path,
      headers: { host: hostname, 'content-type': 'application/json', 'x-amz-invocation-type': 'Event' },
      body,
    }),
  );
  return fetch(`https://${hostname}${path}`, { method: 'POST', headers: signed.headers, body });
};
const report = await redrive(queue, async (functionArn, payload) => {
  const response = await invokeAsync(functionArn, payload);
  // 202: accepted for an asynchronous invocation. Anything else stops before the message is deleted.
  if (response.status !== 202)
    throw new Error(`Invoke ${functionArn}: HTTP ${response.status} ${await response.text()}`);
});
process.stdout.write(
  report.kind === 'moved'
    ? `moving the messages back to ${report.to.join(', ')} (task ${report.task}); aws sqs list-message-move-tasks --source-arn ${queueArn} follows it\n`
    : `${report.replayed} event(s) invoked again; ${report.left} message(s) left in the queue (not Lambda invocation records: see docs/deploy.md)\n`,
);
