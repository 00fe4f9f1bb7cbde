import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueue } from './dead-letter-queue.ts';

// Five receives: enough for a throttled or crashed batch to be retried, few enough that a poison batch
// reaches the DLQ (and the alarm) within the morning rather than sitting until its retention ends.
const MAX_RECEIVE_COUNT = 5;

export interface DeliveryQueuesProps {
  /** The send queue's consumer timeout: its visibility timeout must cover retries of a whole invocation. */
  readonly senderTimeout: Duration;
  readonly socialTimeout: Duration;
}

/**
 * Standard queues, not FIFO: exactly-once comes from the sender's conditional ledger writes (a standard
 * queue's rare duplicate is a no-op there), while FIFO would add per-group ordering we do not need and a
 * 5-minute dedup window that would not cover a crashed dispatch resuming later anyway.
 */
export class DeliveryQueues extends Construct {
  /** Batches of at most 50 recipients, from dispatch to the senders. */
  readonly send: Queue;
  readonly sendDeadLetters: Queue;
  /** One message per (issue, network) for the social worker (issue 5). */
  readonly social: Queue;
  readonly socialDeadLetters: Queue;

  constructor(scope: Construct, id: string, { senderTimeout, socialTimeout }: DeliveryQueuesProps) {
    super(scope, id);
    this.sendDeadLetters = deadLetterQueue(this, 'SendDeadLetters');
    this.send = new Queue(this, 'Send', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS's rule for Lambda consumers: six times the function timeout, so a message is not redelivered
      // while the poller still retries a throttled invocation of it.
      visibilityTimeout: Duration.seconds(senderTimeout.toSeconds() * 6),
      deadLetterQueue: { queue: this.sendDeadLetters, maxReceiveCount: MAX_RECEIVE_COUNT },
    });

    this.socialDeadLetters = deadLetterQueue(this, 'SocialDeadLetters');
    this.social = new Queue(this, 'Social', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(socialTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(14),
      deadLetterQueue: { queue: this.socialDeadLetters, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
  }
}
