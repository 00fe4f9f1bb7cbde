import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface OperatorAlarmsProps {
  /** Optional: without it the topic exists (for a later subscription) but nobody is mailed. */
  readonly email: string | undefined;
  /** Each gets an alarm; the map key names it. */
  readonly deadLetterQueues: Record<string, Queue>;
}

/** One topic for the operator, and an alarm whenever a dead-letter queue holds anything. */
export class OperatorAlarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, { email, deadLetterQueues }: OperatorAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Dimanche operator alarms' });
    if (email !== undefined) this.topic.addSubscription(new EmailSubscription(email));

    const notify = new SnsAction(this.topic);
    for (const [name, queue] of Object.entries(deadLetterQueues)) {
      // One message is already a lost send, schedule run or SES event: alarm on the first, not on a trend.
      const alarm = new Alarm(this, `${name}Alarm`, {
        alarmDescription: `Dimanche: messages in the ${name} dead-letter queue`,
        metric: queue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: 'Maximum',
        }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // SQS stops sending datapoints for an empty, idle queue: silence means empty.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }
  }
}
