import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMusicMessage } from '../../shared/usecases/music/music-message.ts';
import {
  actionsOf,
  type PolicyStatement,
  policyStatements,
  type Statement,
  statementsOfRole,
} from './iam.ts';
import { envIn, logicalIdIn, propsIn, type Resource, roleIn, synthTemplate } from './template.ts';

// Issue 7: the music queue and its worker (song.link resolutions at its pace, link checks), the eve check's
// schedule, and their dead letters. The render step's and the redirect's rights: test/infra/stack.test.ts.

let template: Template;
let statements: PolicyStatement[];
beforeAll(() => {
  template = synthTemplate();
  statements = policyStatements(template);
});

type GetAtt = { 'Fn::GetAtt': [string, string] };
const MUSIC = 'Music/Function/Function';
const EVE = 'Music/EveSchedule';
const logicalId = (path: string, t = template) => logicalIdIn(t, path);
const props = (path: string, t = template) => propsIn(t, path);
const arnOf = (path: string): GetAtt => ({ 'Fn::GetAtt': [logicalId(path), 'Arn'] });
const envOf = (t: Template = template) => envIn(t, MUSIC);
const roleStatements = (roleId: string) => statementsOfRole(statements, roleId);
const withAction = (role: Statement[], prefix: string) =>
  role.filter((s) => actionsOf([s]).some((action) => action.startsWith(prefix)));
const mappingOf = (t: Template) => {
  const mappings = Object.values(t.findResources('AWS::Lambda::EventSourceMapping')) as Resource[];
  const found = mappings.filter(
    (m) => JSON.stringify(m.Properties.FunctionName) === JSON.stringify({ Ref: logicalIdIn(t, MUSIC) }),
  );
  expect(found).toHaveLength(1);
  return (found[0] as Resource).Properties;
};
const sesArn = (resource: string, ...rest: unknown[]) => ({
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':ses:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      `:${resource}`,
      ...rest,
    ],
  ],
});

describe('the music queue', () => {
  it('dead-letters a message after 5 receives, and hides one six times the worker timeout', () => {
    const queue = props('Music/Queue');
    expect(queue.RedrivePolicy).toEqual({
      deadLetterTargetArn: arnOf('Music/DeadLetters'),
      maxReceiveCount: 5,
    });
    const timeout = props(MUSIC).Timeout as number;
    expect(timeout).toBe(90);
    expect(queue.VisibilityTimeout as number).toBeGreaterThanOrEqual(6 * timeout);
    expect(props('Music/DeadLetters').MessageRetentionPeriod).toBe(14 * 24 * 3600);
  });
});

describe('the music worker', () => {
  it('is a Node 24 arm64 function with a timeout for a long playlist’s checks', () => {
    expect(props(MUSIC)).toMatchObject({
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Architectures: ['arm64'],
      MemorySize: 256,
      Timeout: 90,
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: logicalId('Music/Function/Logs') } },
    });
    expect(props('Music/Function/Logs').RetentionInDays).toBe(30);
  });

  it('takes one message per invocation, two at most at once (SQS’s minimum), reporting failed items', () => {
    expect(mappingOf(template)).toMatchObject({
      EventSourceArn: arnOf('Music/Queue'),
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
  });

  it('gets exactly its settings: the table, its queue, the renderer by name, the rate and the mail to the author', () => {
    expect(envOf()).toEqual({
      TABLE_NAME: { Ref: logicalId('Data/Table') },
      MUSIC_QUEUE_URL: { Ref: logicalId('Music/Queue') },
      RENDER_FUNCTION_NAME: { Ref: logicalId('Functions/Render/Function') },
      RESOLVER_RATE_PER_MINUTE: '10',
      PUBLIC_BASE_URL: 'https://newsletter.example.com',
      TIME_ZONE: 'Europe/Paris',
      SERIES_NAME: 'Online Sunday Morning Sound',
      SENDER_ADDRESS: 'sunday@newsletter.example.com',
      SENDER_NAME: 'Online Sunday Morning Sound',
      SES_CONFIGURATION_SET: { Ref: logicalId('EmailEvents/ConfigurationSet') },
      AUTHOR_EMAIL: 'author@newsletter.example.com',
      AUTHOR_LANGUAGE: 'fr',
      SCHEDULE: '0 9 * * 0',
      // Issue 25: the eve reminder names each of these that will not post (none enabled by default).
      SOCIAL_NETWORKS: '',
      NODE_OPTIONS: '--enable-source-maps',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    // song.link needs no key at this rate: no secret, no extension layer.
    expect(props(MUSIC).Layers).toBeUndefined();
  });

  it('takes the resolver rate from context, and refuses one song.link could not take', () => {
    expect(envOf(synthTemplate({ resolverRatePerMinute: '30' })).RESOLVER_RATE_PER_MINUTE).toBe('30');
    expect(() => synthTemplate({ resolverRatePerMinute: 0 })).toThrow(/resolverRatePerMinute/);
    expect(() => synthTemplate({ resolverRatePerMinute: 'ten' })).toThrow(/resolverRatePerMinute/);
  });
});

describe('music IAM', () => {
  const music = () => roleStatements(roleIn(template, MUSIC));

  it('lets the worker use the table, consume and re-queue on its queue, invoke the renderer and mail the author', () => {
    expect(actionsOf(music())).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      'lambda:InvokeFunction',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'ses:SendRawEmail',
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:ReceiveMessage',
      'sqs:SendMessage',
    ]);
  });

  it('scopes each right: its own queue, the one index, the renderer unqualified, the sender identity', () => {
    const role = music();
    for (const s of withAction(role, 'sqs:')) expect(s.Resource).toEqual(arnOf('Music/Queue'));
    const queried = withAction(role, 'dynamodb:Query').map((s) => s.Resource);
    expect(queried).toEqual([
      arnOf('Data/Table'),
      { 'Fn::Join': ['', [arnOf('Data/Table'), '/index/gsi1']] },
    ]);
    // The renderer's unqualified ARN and $LATEST: no `:*` reaching every version and alias.
    expect(role.find((s) => s.Action === 'lambda:InvokeFunction')?.Resource).toEqual([
      arnOf('Functions/Render/Function'),
      { 'Fn::Join': ['', [arnOf('Functions/Render/Function'), ':$LATEST']] },
    ]);
    expect(role.find((s) => s.Action === 'ses:SendRawEmail')?.Resource).toEqual([
      sesArn('configuration-set/', { Ref: logicalId('EmailEvents/ConfigurationSet') }),
      sesArn('identity/newsletter.example.com'),
    ]);
    expect(JSON.stringify(role)).not.toMatch(/secretsmanager|Secrets/);
  });
});

describe('the eve schedule', () => {
  const eve = (t: Template = template) => props(EVE, t);

  it('queues the eve check on the day before the Sunday run, at its time and zone, retrying then dead-lettering', () => {
    expect(eve()).toMatchObject({
      ScheduleExpression: 'cron(0 9 ? * SAT *)',
      ScheduleExpressionTimezone: 'Europe/Paris',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: arnOf('Music/Queue'),
        Input: JSON.stringify({ kind: 'check', reason: 'eve' }),
        RetryPolicy: { MaximumEventAgeInSeconds: 6 * 3600, MaximumRetryAttempts: 3 },
        DeadLetterConfig: { Arn: arnOf('Music/ScheduleDeadLetters') },
      },
    });
  });

  it('sends a message the worker reads as the eve check of whatever issue is due next', () => {
    const { Input } = eve().Target as { Input: string };
    expect(parseMusicMessage(Input)).toEqual({ ok: true, message: { kind: 'check', reason: 'eve' } });
  });

  it('follows the run’s day, time and zone from context, the day before Sunday included', () => {
    const cronFor = (scheduleDay: string) =>
      eve(synthTemplate({ scheduleDay, scheduleTime: '07:30', timeZone: 'America/New_York' }));
    expect(cronFor('mon')).toMatchObject({
      ScheduleExpression: 'cron(30 7 ? * SUN *)',
      ScheduleExpressionTimezone: 'America/New_York',
    });
    expect(cronFor('SAT').ScheduleExpression).toBe('cron(30 7 ? * FRI *)');
  });

  it('lets Scheduler send to the music queue and its own dead-letter queue, nothing more', () => {
    const roleId = (eve().Target as { RoleArn: GetAtt }).RoleArn['Fn::GetAtt'][0];
    const role = roleStatements(roleId);
    expect(role).toEqual([
      {
        Effect: 'Allow',
        Action: 'sqs:SendMessage',
        Resource: [arnOf('Music/Queue'), arnOf('Music/ScheduleDeadLetters')],
      },
    ]);
    // Assumed by Scheduler for this account's schedules only (the confused-deputy conditions).
    const trust = (template.toJSON().Resources[roleId] as Resource).Properties.AssumeRolePolicyDocument;
    expect(trust).toMatchObject({
      Statement: [
        {
          Action: 'sts:AssumeRole',
          Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        },
      ],
    });
  });
});

describe('music alarms', () => {
  it('mail the operator on the first dead letter of the queue or of the schedule, and on worker errors', () => {
    const alarmAt = (name: string) => props(`OperatorAlarms/${name}`);
    const topic = [{ Ref: logicalId('OperatorAlarms/Topic') }];
    for (const [name, queue] of [
      ['MusicDeadLettersAlarm', 'Music/DeadLetters'],
      ['MusicScheduleDeadLettersAlarm', 'Music/ScheduleDeadLetters'],
    ] as const) {
      expect(alarmAt(name)).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(queue), 'QueueName'] } }],
        Threshold: 1,
        AlarmActions: topic,
      });
    }
    for (const [name, fn] of [
      ['MusicFunction', MUSIC],
      ['FunctionsRedirect', 'Functions/Redirect/Function'],
    ] as const) {
      for (const metric of ['Errors', 'Throttles']) {
        expect(alarmAt(`${name}${metric}`)).toMatchObject({
          MetricName: metric,
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(fn) } }],
          AlarmActions: topic,
        });
      }
    }
  });
});
