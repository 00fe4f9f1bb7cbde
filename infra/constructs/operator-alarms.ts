import { Aspects, Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  type AlarmProps,
  ComparisonOperator,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type IFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { type IQueue, Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';

export interface OperatorAlarmsProps {
  /** Optional: without it the topic exists (for a later subscription) but nobody is mailed. */
  readonly email: string | undefined;
}

// SES reviews an account at a 5 % bounce or 0.1 % complaint rate: alarm at half, while there is time to act.
export const BOUNCE_RATE_ALARM = 0.025;
export const COMPLAINT_RATE_ALARM = 0.0005;

const FIVE_MINUTES = Duration.minutes(5);

const maxAges = new WeakMap<IQueue, Duration>();

/**
 * How old the oldest message of a working queue may get before a person should look: past it, its consumer is
 * stuck (backing off, failing without reaching the dead-letter queue). Every queue with a dead-letter queue
 * must say, where it is defined; `watchAll` refuses a working queue that does not.
 */
export const alarmWhenOlderThan = <Q extends IQueue>(queue: Q, age: Duration): Q => {
  maxAges.set(queue, age);
  return queue;
};

/** `Delivery/Sender` names the alarm `DeliverySenderErrors`: construct ids cannot hold a slash. */
const idOf = (name: string) => name.replaceAll('/', '');

/** `Dimanche/Delivery/Sender/Function` → `Delivery/Sender`: unique in the stack, and what the alarm mail says. */
const nameOf = (construct: IConstruct, dropLast?: string): string => {
  const parts = construct.node.path.split('/').slice(1);
  if (parts.at(-1) === dropLast) parts.pop();
  return parts.join('/');
};

/**
 * One topic for the operator and every alarm that feeds it. Each alarm fires on the first bad datapoint and
 * clears on its own (OK actions too), and treats missing data as fine: an idle stack publishes no metrics.
 */
export class OperatorAlarms extends Construct {
  readonly topic: Topic;
  private readonly notify: SnsAction;

  constructor(scope: Construct, id: string, { email }: OperatorAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Dimanche operator alarms', enforceSSL: true });
    const { account, region, partition } = Stack.of(this);
    // Any topic policy replaces the default one that let the account's alarms publish: say it again,
    // for this account's alarms only.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
        },
      }),
    );
    if (email !== undefined) this.topic.addSubscription(new EmailSubscription(email));
    this.notify = new SnsAction(this.topic);
  }

  /**
   * Errors and throttles of every function under `scope`, every queue there that has no dead-letter queue of
   * its own (so is one), and the age of the oldest message of every other queue (a working queue). Found at
   * synthesis rather than listed: a function or queue added later is watched too.
   */
  watchAll(scope: IConstruct): void {
    const watched = new Set<string>();
    Aspects.of(scope).add({
      visit: (node) => {
        if (watched.has(node.node.path)) return;
        if (node instanceof LambdaFunction) this.watchFunction(nameOf(node, 'Function'), node);
        else if (node instanceof Queue && node.deadLetterQueue === undefined)
          this.watchDeadLetters(nameOf(node), node);
        else if (node instanceof Queue) this.watchBacklog(nameOf(node), node);
        else return;
        watched.add(node.node.path);
      },
    });
  }

  /** One message is already a lost send, schedule run or SES event: alarm on the first, not on a trend. */
  watchDeadLetters(name: string, queue: IQueue): Alarm {
    return this.alarm(`${idOf(name)}Alarm`, {
      alarmDescription: `Dimanche: messages in the ${name} dead-letter queue (see docs/deploy.md, "When an alarm mails you")`,
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }),
      threshold: 1,
    });
  }

  /**
   * A working queue that has not been empty for the age its definition gave (`alarmWhenOlderThan`). Not the
   * age of its oldest message: a worker that defers work sends it again as a new message (the music worker's
   * rate-limited resolves, the sender's paused batches, the social worker's rate limits), which resets that age
   * at every hop, so a message going round forever would never alarm. A queue that holds something (visible,
   * in flight or delayed) in every five minutes of the whole span is stuck, however its messages were
   * re-sent; a healthy one drains to empty within its span.
   */
  watchBacklog(name: string, queue: IQueue): Alarm {
    const age = maxAges.get(queue);
    if (age === undefined) {
      throw new Error(
        `${name} is a working queue with no backlog alarm: say how old its oldest message may get with alarmWhenOlderThan() where it is defined`,
      );
    }
    const held = { period: FIVE_MINUTES, statistic: 'Maximum' };
    return this.alarm(
      `${idOf(name)}Backlog`,
      {
        alarmDescription: `Dimanche: the ${name} queue has not been empty for ${age.toHumanString()}: its consumer is stuck or keeps deferring the same work (see docs/deploy.md, "When an alarm mails you")`,
        metric: new MathExpression({
          label: 'messages held (visible, in flight, delayed)',
          expression: 'visible + inFlight + delayed',
          usingMetrics: {
            visible: queue.metricApproximateNumberOfMessagesVisible(held),
            inFlight: queue.metricApproximateNumberOfMessagesNotVisible(held),
            delayed: queue.metricApproximateNumberOfMessagesDelayed(held),
          },
          period: FIVE_MINUTES,
        }),
        threshold: 1,
      },
      Math.ceil(age.toSeconds() / FIVE_MINUTES.toSeconds()),
    );
  }

  /** Errors are bugs or a failing dependency (expected failures are values); throttles mean lost capacity. */
  watchFunction(name: string, fn: IFunction): Alarm[] {
    return [
      this.alarm(`${idOf(name)}Errors`, {
        alarmDescription: `Dimanche: the ${name} function threw (its log group has the stack trace)`,
        metric: fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
        threshold: 1,
      }),
      this.alarm(`${idOf(name)}Throttles`, {
        alarmDescription: `Dimanche: the ${name} function was throttled (account concurrency limit reached)`,
        metric: fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
        threshold: 1,
      }),
    ];
  }

  /**
   * The configuration set's reputation metrics (it has them enabled): SES publishes them under AWS/SES with
   * the `ses:configuration-set` dimension, as a 0–1 rate over a representative volume of recent mail.
   */
  watchReputation(configurationSetName: string): Alarm[] {
    const rate = (metricName: string) =>
      new Metric({
        namespace: 'AWS/SES',
        metricName,
        dimensionsMap: { 'ses:configuration-set': configurationSetName },
        period: Duration.hours(1),
        statistic: 'Maximum',
      });
    return [
      this.alarm('BounceRate', {
        alarmDescription: `Dimanche: bounce rate at ${BOUNCE_RATE_ALARM * 100} % or more (SES reviews the account at 5 %)`,
        metric: rate('Reputation.BounceRate'),
        threshold: BOUNCE_RATE_ALARM,
      }),
      this.alarm('ComplaintRate', {
        alarmDescription: `Dimanche: complaint rate at ${COMPLAINT_RATE_ALARM * 100} % or more (SES reviews the account at 0.1 %)`,
        metric: rate('Reputation.ComplaintRate'),
        threshold: COMPLAINT_RATE_ALARM,
      }),
    ];
  }

  private alarm(
    id: string,
    props: Pick<AlarmProps, 'alarmDescription' | 'metric' | 'threshold'>,
    evaluationPeriods = 1,
  ): Alarm {
    const alarm = new Alarm(this, id, {
      ...props,
      evaluationPeriods,
      // Every period of the span, not most of them: one empty five minutes means the queue drained.
      ...(evaluationPeriods > 1 ? { datapointsToAlarm: evaluationPeriods } : {}),
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.notify);
    alarm.addOkAction(this.notify);
    return alarm;
  }
}
