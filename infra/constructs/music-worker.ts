import { Duration, TimeZone, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { SqsSendMessage } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { WEEK_DAYS } from '../config.ts';
import { deadLetterQueue, workingQueueName } from './dead-letter-queue.ts';
import { WORK_RETENTION } from './delivery-queues.ts';
import { DimancheFunction } from './dimanche-function.ts';
import { alarmWhenOlderThan } from './operator-alarms.ts';
import { grantTable } from './table-grants.ts';

/** Long enough for a health check of a long playlist (each link bounded by its own timeout). */
export const MUSIC_TIMEOUT = Duration.seconds(90);

// Resolutions and checks read the issue and the cache (BatchGet), write the cache, the warnings, the rate
// window; the eve run finds the coming Sunday's issue through the index.
const musicTableActions = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:Query',
  'dynamodb:BatchGetItem',
];

export interface MusicWorkerProps {
  readonly table: Table;
  /** Invoked again once a revision's tracks are resolved, so the email carries their links. */
  readonly render: NodejsFunction;
  /** Site and mail settings (author notes), as the other functions get them. */
  readonly environment: Record<string, string>;
  readonly sendRawEmail: PolicyStatement;
  /** The Sunday run's day and time: the eve check runs the day before, at the same time. */
  readonly scheduleDay: string;
  readonly scheduleTime: string;
  readonly timeZone: string;
  readonly resolverRatePerMinute: number;
}

/**
 * Issue 7: the music queue and its worker (track links resolved through song.link, at its pace; link health
 * checks), fed by the render step at ingest and by a schedule the day before the Sunday.
 */
export class MusicWorker extends Construct {
  readonly fn: NodejsFunction;
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly scheduleDeadLetters: Queue;

  constructor(scope: Construct, id: string, props: MusicWorkerProps) {
    super(scope, id);
    const { table, render, environment, sendRawEmail } = props;
    const queueName = workingQueueName(this, 'Music');
    this.deadLetters = deadLetterQueue(this, 'DeadLetters', queueName);
    this.queue = new Queue(this, 'Queue', {
      queueName,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(MUSIC_TIMEOUT.toSeconds() * 6),
      retentionPeriod: WORK_RETENTION,
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: 5 },
    });
    // A playlist resolves in minutes at song.link's pace, and a deferred resolve comes back as a new message:
    // three hours old means song.link is down or the worker keeps failing, with a day left before the Sunday.
    alarmWhenOlderThan(this.queue, Duration.hours(3));

    this.fn = new DimancheFunction(this, 'Function', {
      entry: 'functions/lambda/music.ts',
      description: 'Resolves track links (song.link, rate-limited) and checks link health (one message each)',
      memorySize: 256,
      timeout: MUSIC_TIMEOUT,
      environment: {
        ...environment,
        TABLE_NAME: table.tableName,
        MUSIC_QUEUE_URL: this.queue.queueUrl,
        RENDER_FUNCTION_NAME: render.functionName,
        RESOLVER_RATE_PER_MINUTE: String(props.resolverRatePerMinute),
      },
    }).fn;
    this.fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        // SQS's minimum: the resolver's pace is kept by a counter in the table, not by having one worker.
        maxConcurrency: 2,
      }),
    );
    grantTable(table, this.fn, musicTableActions);
    // A resolve waiting for the rate limit goes back as a new delayed message; a resolved issue is re-rendered.
    this.queue.grant(this.fn, 'sqs:SendMessage', 'sqs:ChangeMessageVisibility');
    render.grantInvokeLatestVersion(this.fn);
    this.fn.addToRolePolicy(sendRawEmail);

    // The render step queues a new revision's resolutions and its first check.
    render.addEnvironment('MUSIC_QUEUE_URL', this.queue.queueUrl);
    this.queue.grant(render, 'sqs:SendMessage');

    this.scheduleDeadLetters = deadLetterQueue(this, 'ScheduleDeadLetters');
    Validations.of(this.scheduleDeadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "It is a dead-letter queue, for EventBridge Scheduler: the schedule names it in its target's DeadLetterConfig, which cdk-nag does not see.",
    });
    const [hour, minute] = props.scheduleTime.split(':').map(Number) as [number, number];
    // A MusicMessage (shared/ports/music-queue.ts): the eve check of whatever issue is due next.
    const eve = { kind: 'check', reason: 'eve' };
    new Schedule(this, 'EveSchedule', {
      description: 'Dimanche: the day before the Sunday run, checks the coming issue’s links again',
      schedule: ScheduleExpression.cron({
        minute: String(minute),
        hour: String(hour),
        weekDay: dayBefore(props.scheduleDay),
        timeZone: TimeZone.of(props.timeZone),
      }),
      target: new SqsSendMessage(this.queue, {
        input: ScheduleTargetInput.fromObject(eve),
        maxEventAge: Duration.hours(6),
        retryAttempts: 3,
        deadLetterQueue: this.scheduleDeadLetters,
      }),
    });
  }
}

const dayBefore = (day: string): string => WEEK_DAYS[(WEEK_DAYS.indexOf(day) + 6) % 7] as string;
