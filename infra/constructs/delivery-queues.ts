import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueue, workingQueueName } from './dead-letter-queue.ts';
import { alarmWhenOlderThan } from './operator-alarms.ts';

// Five receives: enough for a throttled or crashed batch to be retried, few enough that a poison batch
// reaches the DLQ (and the alarm) within the morning rather than sitting until its retention ends.
const MAX_RECEIVE_COUNT = 5;

// SQS deletes a message at the end of its retention without a word (no dead-letter queue sees it): ten days,
// so an outage from Sunday morning, found on Monday and fixed after a holiday weekend, still has every batch
// and post to send once the cause is fixed (the ledger makes a late retry a no-op for readers who already got
// the mail). Not the fourteen SQS allows: a message keeps its first enqueue time in the dead-letter queue, which
// keeps fourteen days, so a batch dead-lettered on its last day in the queue still waits four days for a person.
export const WORK_RETENTION = Duration.days(10);

// A healthy campaign drains at SES's rate: 10,000 readers at 14 mails/s in 12 minutes, 50,000 (a usual daily
// quota) in an hour. A batch two hours old means the senders are stuck backing off (SES throttling, a failing
// table), and from 09:00 that still leaves the morning to act before the 14:00 send deadline.
const SEND_BACKLOG = Duration.hours(2);
// A post goes out within seconds of dispatch, a rate-limited one within its network's reset (minutes): an
// hour-old announcement is late for a Sunday-morning issue and points at a network that keeps refusing.
const SOCIAL_BACKLOG = Duration.hours(1);

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
    const sendName = workingQueueName(this, 'Send');
    this.sendDeadLetters = deadLetterQueue(this, 'SendDeadLetters', sendName);
    this.send = new Queue(this, 'Send', {
      queueName: sendName,
      retentionPeriod: WORK_RETENTION,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS's rule for Lambda consumers: six times the function timeout, so a message is not redelivered
      // while the poller still retries a throttled invocation of it.
      visibilityTimeout: Duration.seconds(senderTimeout.toSeconds() * 6),
      deadLetterQueue: { queue: this.sendDeadLetters, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
    alarmWhenOlderThan(this.send, SEND_BACKLOG);

    const socialName = workingQueueName(this, 'Social');
    this.socialDeadLetters = deadLetterQueue(this, 'SocialDeadLetters', socialName);
    this.social = new Queue(this, 'Social', {
      queueName: socialName,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(socialTimeout.toSeconds() * 6),
      retentionPeriod: WORK_RETENTION,
      deadLetterQueue: { queue: this.socialDeadLetters, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
    alarmWhenOlderThan(this.social, SOCIAL_BACKLOG);
  }
}
