import { Duration } from 'aws-cdk-lib';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { deadLetterQueue, workingQueueName } from './dead-letter-queue.ts';
import { WORK_RETENTION } from './delivery-queues.ts';
import { DimancheFunction } from './dimanche-function.ts';
import { alarmWhenOlderThan } from './operator-alarms.ts';

/**
 * The render's changed paths, on a queue the writer may only send to, batched by a small worker into one
 * CreateInvalidation on this distribution, the only CloudFront right in the stack. Built in the CDN's scope.
 */
export const cdnInvalidations = (
  scope: Construct,
  { distribution, writer }: { distribution: Distribution; writer: NodejsFunction },
): Queue => {
  // Named, so its dead-letter queue may name it alone as its source (RedriveAllowPolicy byQueue).
  const name = workingQueueName(scope, 'Invalidations');
  const deadLetters = deadLetterQueue(scope, 'InvalidationDeadLetters', name);
  // A page stale at the edge for more than a quarter of an hour is worth a mail.
  const invalidations = alarmWhenOlderThan(
    new Queue(scope, 'Invalidations', {
      queueName: name,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the worker's timeout, as AWS advises for an event source.
      visibilityTimeout: Duration.seconds(180),
      // Less than its dead letters keep: a message keeps its first enqueue time there (dead-letter-queue.ts).
      retentionPeriod: WORK_RETENTION,
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
    }),
    Duration.minutes(15),
  );
  // Sending only: exactly the call the render step makes.
  writer.addToRolePolicy(
    new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [invalidations.queueArn] }),
  );
  writer.addEnvironment('CDN_INVALIDATION_QUEUE_URL', invalidations.queueUrl);
  const worker = new DimancheFunction(scope, 'Invalidate', {
    entry: 'functions/lambda/cdn-invalidate.ts',
    description: 'Turns the render step’s changed public paths into one CloudFront invalidation a batch',
    memorySize: 256,
    timeout: Duration.seconds(30),
    environment: { CDN_DISTRIBUTION_ID: distribution.distributionId },
  }).fn;
  worker.addEventSource(
    new SqsEventSource(invalidations, { batchSize: 100, maxBatchingWindow: Duration.seconds(20) }),
  );
  // This distribution only.
  worker.addToRolePolicy(
    new PolicyStatement({
      actions: ['cloudfront:CreateInvalidation'],
      resources: [distribution.distributionArn],
    }),
  );
  return invalidations;
};
