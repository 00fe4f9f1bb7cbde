import { Duration, TimeZone, Validations } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
} from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueue } from './dead-letter-queue.ts';
import { InvokeLatest } from './invoke-latest.ts';

export interface SundayScheduleProps {
  readonly dispatch: IFunction;
  /** SUN…SAT, HH:MM and an IANA zone: Scheduler applies the zone's DST itself. */
  readonly day: string;
  readonly time: string;
  readonly timeZone: string;
}

/** The weekly EventBridge Scheduler run that starts a Sunday's dispatch. */
export class SundaySchedule extends Construct {
  /** Invocations Scheduler gave up on: the Sunday run did not start. */
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, { dispatch, day, time, timeZone }: SundayScheduleProps) {
    super(scope, id);
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    this.deadLetters = deadLetterQueue(this, 'DeadLetters');
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "It is a dead-letter queue, for EventBridge Scheduler: the schedule names it in its target's DeadLetterConfig, which cdk-nag does not see.",
    });
    new Schedule(this, 'Schedule', {
      description: 'Dimanche: the weekly run that sends the issue due today',
      schedule: ScheduleExpression.cron({
        minute: String(minute),
        hour: String(hour),
        weekDay: day,
        timeZone: TimeZone.of(timeZone),
      }),
      target: new InvokeLatest(dispatch, {
        // The Sunday this run is for, even when a retry lands later; dispatch's conditional campaign write
        // makes a retried or duplicate invocation a no-op.
        input: ScheduleTargetInput.fromObject({ scheduledTime: ContextAttribute.scheduledTime }),
        // Retries cover a throttled or failing invoke; after an hour the morning is better handled by a person.
        maxEventAge: Duration.hours(1),
        retryAttempts: 3,
        deadLetterQueue: this.deadLetters,
      }),
    });
  }
}
