import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import { Queue, QueueEncryption, RedrivePermission } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * How long a failed message waits for a person: the longest SQS allows, so a failure on Sunday is still there
 * after a holiday. SQS counts a message's retention from when it entered its first queue, also in the
 * dead-letter queue, so a working queue keeps its messages less long (WORK_RETENTION, delivery-queues.ts):
 * a batch that spent days in its queue still has days left in the dead-letter queue.
 */
export const DEAD_LETTER_RETENTION = Duration.days(14);

/**
 * A queue where failed messages wait for a person. SSE-SQS rather than KMS: SNS and Scheduler can write to it
 * with no key policy, and it costs nothing. Each one gets an alarm (see operator-alarms.ts).
 *
 * `sourceQueueName`: the one working queue whose redrive policy may name it (RedriveAllowPolicy byQueue).
 * Without it, no queue may (denyAll): Scheduler, SNS and Lambda destinations write to it by SendMessage, which
 * the policy does not restrict. The source is named by its ARN, built from its name: its `Arn` attribute would
 * make a cycle with its own redrive policy, which names this queue's.
 */
export const deadLetterQueue = (scope: Construct, id: string, sourceQueueName?: string): Queue =>
  new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: DEAD_LETTER_RETENTION,
    redriveAllowPolicy:
      sourceQueueName === undefined
        ? { redrivePermission: RedrivePermission.DENY_ALL }
        : {
            redrivePermission: RedrivePermission.BY_QUEUE,
            sourceQueues: [Queue.fromQueueArn(scope, `${id}Source`, queueArnOf(scope, sourceQueueName))],
          },
  });

/** A stack-unique physical name for a working queue, so its dead-letter queue can name it before it exists. */
export const workingQueueName = (scope: Construct, name: string): string =>
  `${Stack.of(scope).stackName}-${name}`;

const queueArnOf = (scope: Construct, queueName: string): string =>
  Stack.of(scope).formatArn({ service: 'sqs', resource: queueName, arnFormat: ArnFormat.NO_RESOURCE_NAME });
