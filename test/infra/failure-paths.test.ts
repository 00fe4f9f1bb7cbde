import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { alarmWhenOlderThan } from '../../infra/constructs/operator-alarms.ts';
import { buildStack, logicalIdIn, synthTemplate } from './template.ts';
import { asyncInvoked, backlogAlarms, getAttOf, resourcesOf, unkeptFailures } from './walks.ts';

// Issue 18: nothing dropped. Every asynchronously invoked function keeps what it failed on, every place a
// failed message waits is watched, and every working queue alarms when its consumer is stuck. Found by walking
// the template, so a function or queue added later is held to the same rules.

let template: Template;
beforeAll(() => {
  template = synthTemplate();
});

describe('asynchronously invoked functions', () => {
  it('are the Sunday dispatch, the deliverability check, the accounts refresh (Scheduler) and the SES events function (SNS)', () => {
    expect([...asyncInvoked(template).keys()].sort()).toEqual(
      [
        logicalIdIn(template, 'ConnectedAccounts/Refresh/Function'),
        logicalIdIn(template, 'Deliverability/Function/Function'),
        logicalIdIn(template, 'Delivery/Dispatch/Function'),
        logicalIdIn(template, 'Delivery/SesEvents/Function'),
      ].sort(),
    );
  });

  it('each keep what they failed on three times in an on-failure queue that alarms on its first message', () => {
    expect(unkeptFailures(template)).toEqual([]);
    const ages = Object.fromEntries(
      resourcesOf(template, 'AWS::Lambda::EventInvokeConfig').map(([, c]) => [
        (c.Properties.FunctionName as { Ref: string }).Ref,
        [
          c.Properties.MaximumEventAgeInSeconds,
          getAttOf((c.Properties.DestinationConfig as never)['OnFailure']['Destination']),
        ],
      ]),
    );
    expect(ages).toEqual({
      // Hourly, each run refreshing an hour and a half ahead: a run that failed is the next one's work.
      [logicalIdIn(template, 'ConnectedAccounts/Refresh/Function')]: [
        50 * 60,
        logicalIdIn(template, 'ConnectedAccounts/Failures'),
      ],
      // Daily: a day that failed is the next day's work.
      [logicalIdIn(template, 'Deliverability/Function/Function')]: [
        3600,
        logicalIdIn(template, 'Deliverability/Failures'),
      ],
      [logicalIdIn(template, 'Delivery/Dispatch/Function')]: [
        3600,
        logicalIdIn(template, 'Delivery/DispatchFailures'),
      ],
      [logicalIdIn(template, 'Delivery/SesEvents/Function')]: [
        6 * 3600,
        logicalIdIn(template, 'Delivery/SesEventsFailures'),
      ],
    });
  });

  it('would be caught without a destination, wherever the function is added', () => {
    const stack = buildStack();
    const later = new LambdaFunction(stack, 'Later', {
      runtime: Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: Code.fromInline('exports.handler = async () => {};'),
    });
    new Topic(stack, 'LaterTopic').addSubscription(new LambdaSubscription(later));
    const id = stack.getLogicalId(later.node.defaultChild as never);
    expect(unkeptFailures(Template.fromStack(stack))).toEqual([
      expect.stringMatching(new RegExp(`^${id} .*no EventInvokeConfig`)),
    ]);
  });
});

describe('the working queues', () => {
  const ageAlarms = backlogAlarms;

  it('each alarm when they have not been empty for longer than their job allows, however their messages are re-sent', () => {
    const working = resourcesOf(template, 'AWS::SQS::Queue').filter(([, q]) => q.Properties.RedrivePolicy);
    const alarms = ageAlarms(template);
    expect(Object.keys(alarms).sort()).toEqual(working.map(([id]) => id).sort());
    const spans = Object.fromEntries(
      ['DeliveryQueues/Send', 'DeliveryQueues/Social', 'Music/Queue'].map((path) => {
        const alarm = alarms[logicalIdIn(template, path)];
        return [path, Number(alarm?.EvaluationPeriods) * 300];
      }),
    );
    // Send: two hours after the 09:00 run, well before the 14:00 deadline; a late post; a day before Sunday.
    expect(spans).toEqual({
      'DeliveryQueues/Send': 7200,
      'DeliveryQueues/Social': 3600,
      'Music/Queue': 10800,
    });
    for (const alarm of Object.values(alarms)) {
      // Every five minutes of the span held something: visible, in flight or delayed (a re-sent message).
      expect(alarm).toMatchObject({
        Threshold: 1,
        DatapointsToAlarm: alarm.EvaluationPeriods,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
      const metrics = alarm.Metrics as {
        Expression?: string;
        MetricStat?: { Metric: { MetricName: string }; Period: number; Stat: string };
      }[];
      expect(metrics.find((m) => m.Expression)?.Expression).toBe('visible + inFlight + delayed');
      expect(
        metrics
          .flatMap((m) =>
            m.MetricStat ? [[m.MetricStat.Metric.MetricName, m.MetricStat.Period, m.MetricStat.Stat]] : [],
          )
          .sort(),
      ).toEqual([
        ['ApproximateNumberOfMessagesDelayed', 300, 'Maximum'],
        ['ApproximateNumberOfMessagesNotVisible', 300, 'Maximum'],
        ['ApproximateNumberOfMessagesVisible', 300, 'Maximum'],
      ]);
    }
  });

  it('cannot be added without saying how old a message may get', () => {
    const stack = buildStack();
    const deadLetters = new Queue(stack, 'LaterDeadLetters');
    new Queue(stack, 'LaterWork', { deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 } });
    expect(() => Template.fromStack(stack)).toThrow(/LaterWork is a working queue with no backlog alarm/);

    const fixed = buildStack();
    const queue = alarmWhenOlderThan(
      new Queue(fixed, 'LaterWork', {
        deadLetterQueue: { queue: new Queue(fixed, 'LaterDeadLetters'), maxReceiveCount: 5 },
      }),
      Duration.minutes(30),
    );
    const id = fixed.getLogicalId(queue.node.defaultChild as never);
    expect(ageAlarms(Template.fromStack(fixed))[id]?.EvaluationPeriods).toBe(6);
  });
});
