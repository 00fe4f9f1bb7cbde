import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * A queue where failed messages wait for a person: kept the longest SQS allows (14 days) so a failure on
 * Sunday is still there after a holiday. SSE-SQS rather than KMS: SNS and Scheduler can write to it with no
 * key policy, and it costs nothing. Each one gets an alarm (see operator-alarms.ts).
 */
export const deadLetterQueue = (scope: Construct, id: string): Queue =>
  new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
