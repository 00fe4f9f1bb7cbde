import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ASYNC_RETRY_ATTEMPTS } from '../../infra/constructs/async-failures.ts';
import { alarmWhenOlderThan } from '../../infra/constructs/operator-alarms.ts';
import { buildStack, logicalIdIn, type Resource, synthTemplate } from './template.ts';

// Issue 18: nothing dropped. Every asynchronously invoked function keeps what it failed on, every place a
// failed message waits is watched, and every working queue alarms when its consumer is stuck. Found by walking
// the template, so a function or queue added later is held to the same rules.

let template: Template;
beforeAll(() => {
  template = synthTemplate();
});

type GetAtt = { 'Fn::GetAtt': [string, string] };
const resourcesOf = (t: Template, type: string) =>
  Object.entries(t.findResources(type)) as [string, Resource][];
const getAttOf = (value: unknown): string | undefined =>
  (value as Partial<GetAtt> | undefined)?.['Fn::GetAtt']?.[0];

/**
 * The functions that something invokes asynchronously (Lambda queues the event and retries it itself): SNS
 * subscriptions, Scheduler and EventBridge targets, S3 notifications. SQS event source mappings are
 * synchronous polls: their queue's redrive policy keeps what fails.
 */
const asyncInvoked = (t: Template): Map<string, string> => {
  const functions = new Set(resourcesOf(t, 'AWS::Lambda::Function').map(([id]) => id));
  const found = new Map<string, string>();
  const note = (target: unknown, by: string) => {
    const id = getAttOf(target);
    if (id !== undefined && functions.has(id)) found.set(id, by);
  };
  for (const [id, sub] of resourcesOf(t, 'AWS::SNS::Subscription'))
    if (sub.Properties.Protocol === 'lambda') note(sub.Properties.Endpoint, id);
  for (const [id, schedule] of resourcesOf(t, 'AWS::Scheduler::Schedule'))
    note((schedule.Properties.Target as { Arn: unknown }).Arn, id);
  for (const [id, rule] of resourcesOf(t, 'AWS::Events::Rule'))
    for (const target of (rule.Properties.Targets as { Arn: unknown }[] | undefined) ?? [])
      note(target.Arn, id);
  for (const [id, permission] of resourcesOf(t, 'AWS::Lambda::Permission'))
    if (permission.Properties.Principal === 's3.amazonaws.com') note(permission.Properties.FunctionName, id);
  return found;
};

/** What is wrong with each asynchronously invoked function's failure path; empty when nothing is. */
const unkeptFailures = (t: Template): string[] => {
  const configs = resourcesOf(t, 'AWS::Lambda::EventInvokeConfig').map(([, c]) => c.Properties);
  const depthAlarms = resourcesOf(t, 'AWS::CloudWatch::Alarm')
    .map(([, a]) => a.Properties)
    .filter((p) => p.MetricName === 'ApproximateNumberOfMessagesVisible')
    .map((p) => getAttOf((p.Dimensions as [{ Value: unknown }])[0].Value));
  return [...asyncInvoked(t)].flatMap(([fn, by]) => {
    const config = configs.find((c) => JSON.stringify(c.FunctionName) === JSON.stringify({ Ref: fn }));
    if (!config) return [`${fn} (invoked by ${by}) has no EventInvokeConfig`];
    const onFailure = (config.DestinationConfig as { OnFailure?: { Destination: unknown } } | undefined)
      ?.OnFailure;
    const queue = getAttOf(onFailure?.Destination);
    const problems: string[] = [];
    if (queue === undefined || t.toJSON().Resources[queue]?.Type !== 'AWS::SQS::Queue')
      problems.push(`${fn}: no SQS on-failure destination`);
    else if (!depthAlarms.includes(queue)) problems.push(`${fn}: nothing alarms on ${queue}`);
    if (config.MaximumRetryAttempts !== ASYNC_RETRY_ATTEMPTS) problems.push(`${fn}: retry attempts unset`);
    if (typeof config.MaximumEventAgeInSeconds !== 'number') problems.push(`${fn}: no maximum event age`);
    return problems;
  });
};

describe('asynchronously invoked functions', () => {
  it('are the Sunday dispatch (Scheduler) and the SES events function (SNS)', () => {
    expect([...asyncInvoked(template).keys()].sort()).toEqual(
      [
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
  const ageAlarms = (t: Template) =>
    Object.fromEntries(
      resourcesOf(t, 'AWS::CloudWatch::Alarm')
        .map(([, a]) => a.Properties)
        .filter((p) => p.MetricName === 'ApproximateAgeOfOldestMessage')
        .map((p) => [getAttOf((p.Dimensions as [{ Value: unknown }])[0].Value), p]),
    );

  it('each alarm when their oldest message is older than their job allows', () => {
    const working = resourcesOf(template, 'AWS::SQS::Queue').filter(([, q]) => q.Properties.RedrivePolicy);
    const alarms = ageAlarms(template);
    expect(Object.keys(alarms).sort()).toEqual(working.map(([id]) => id).sort());
    const thresholds = Object.fromEntries(
      ['DeliveryQueues/Send', 'DeliveryQueues/Social', 'Music/Queue'].map((path) => [
        path,
        alarms[logicalIdIn(template, path)]?.Threshold,
      ]),
    );
    // Send: two hours after the 09:00 run, well before the 14:00 deadline; a late post; a day before Sunday.
    expect(thresholds).toEqual({
      'DeliveryQueues/Send': 7200,
      'DeliveryQueues/Social': 3600,
      'Music/Queue': 10800,
    });
    for (const alarm of Object.values(alarms)) {
      expect(alarm).toMatchObject({
        Namespace: 'AWS/SQS',
        Statistic: 'Maximum',
        Period: 300,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
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
    expect(ageAlarms(Template.fromStack(fixed))[id]?.Threshold).toBe(1800);
  });
});
