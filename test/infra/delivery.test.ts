import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { senderNodeFlags } from '../../infra/bundling/runtime-flags.ts';
import {
  actionsOf,
  actionsWithoutResourceTypes,
  type PolicyStatement,
  policyStatements,
  type Statement,
  statementsOfRole,
  wildcardActions,
} from './iam.ts';
import { envIn, logicalIdIn, propsIn, type Resource, roleIn, synthTemplate } from './template.ts';

// Issue 3 (Sunday delivery): queues, schedule, SES events, alarms and the three delivery functions' grants.

let template: Template;
let statements: PolicyStatement[];
beforeAll(() => {
  template = synthTemplate();
  statements = policyStatements(template);
});

type GetAtt = { 'Fn::GetAtt': [string, string] };
const logicalId = (path: string, t = template) => logicalIdIn(t, path);
const props = (path: string, t = template) => propsIn(t, path);
const arnOf = (path: string): GetAtt => ({ 'Fn::GetAtt': [logicalId(path), 'Arn'] });
const roleOf = (fnPath: string) => roleIn(template, fnPath);
const envOf = (fnPath: string, t = template) => envIn(t, fnPath);
const mappingOf = (t: Template, fnPath: string) => {
  const mappings = Object.values(t.findResources('AWS::Lambda::EventSourceMapping')) as Resource[];
  const found = mappings.filter(
    (m) => JSON.stringify(m.Properties.FunctionName) === JSON.stringify({ Ref: logicalIdIn(t, fnPath) }),
  );
  expect(found).toHaveLength(1);
  return (found[0] as Resource).Properties;
};
const only = (t: Template, type: string): Resource => {
  const found = Object.values(t.findResources(type)) as Resource[];
  expect(found).toHaveLength(1);
  return found[0] as Resource;
};
// How CDK renders formatArn for a region- and account-agnostic stack; `resource` is 'identity/…' or similar.
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

const DISPATCH = 'Delivery/Dispatch/Function';
const SENDER = 'Delivery/Sender/Function';
const SES_EVENTS = 'Delivery/SesEvents/Function';
const SOCIAL = 'Delivery/Social/Function/Function';
/** What every function that queues, composes or reports social posts is given (none enabled by default). */
const socialSettings = {
  SOCIAL_NETWORKS: '',
  SOCIAL_HASHTAGS: '',
  MASTODON_MAX_CHARACTERS: '500',
  SERIES_NAME: 'Online Sunday Morning Sound',
};
/** Every dead-letter queue of the stack: delivery's, and issue 7's music queue and eve schedule (music.test.ts). */
const DEAD_LETTER_QUEUES = [
  'DeliveryQueues/SendDeadLetters',
  'DeliveryQueues/SocialDeadLetters',
  'SundaySchedule/DeadLetters',
  'Delivery/SesEventsDeadLetters',
  // Lambda's on-failure destinations of the two asynchronously invoked functions (async-failures.ts).
  'Delivery/DispatchFailures',
  'Delivery/SesEventsFailures',
  'Music/DeadLetters',
  'Music/ScheduleDeadLetters',
  // The daily deliverability check's on-failure destination (issue 23).
  'Deliverability/Failures',
  // Issue 26: the CDN's invalidations (cdn.test.ts).
  'Cdn/InvalidationDeadLetters',
  // Issue 25: the hourly refresh of her connected accounts' on-failure destination (connected-accounts.test.ts).
  'ConnectedAccounts/Failures',
];
const WORK_QUEUES = ['DeliveryQueues/Send', 'DeliveryQueues/Social', 'Music/Queue', 'Cdn/Invalidations'];

describe('the delivery queues', () => {
  it('give every consumer queue a DLQ after 5 receives, and keep a message 10 days there, 14 in the DLQ', () => {
    const queues = template.findResources('AWS::SQS::Queue') as Record<string, Resource>;
    const deadLetterIds = DEAD_LETTER_QUEUES.map((path) => logicalId(path));
    expect(Object.keys(queues).sort()).toEqual(
      [...deadLetterIds, ...WORK_QUEUES.map((path) => logicalId(path))].sort(),
    );
    for (const [id, queue] of Object.entries(queues)) {
      if (deadLetterIds.includes(id)) {
        expect(queue.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
        expect(queue.Properties.RedrivePolicy).toBeUndefined();
      } else {
        const redrive = queue.Properties.RedrivePolicy as {
          deadLetterTargetArn: GetAtt;
          maxReceiveCount: number;
        };
        expect(redrive.maxReceiveCount).toBe(5);
        expect(deadLetterIds).toContain(redrive.deadLetterTargetArn['Fn::GetAtt'][0]);
        // A weekend's outage must not outlive the batches it held (SQS's default is four days), and a batch
        // dead-lettered on its last day keeps its first enqueue time: the DLQ keeps it four days more.
        expect(queue.Properties.MessageRetentionPeriod, id).toBe(10 * 24 * 3600);
      }
    }
  });

  it('encrypt every queue at rest and refuse plain-HTTP access to it', () => {
    const queues = template.findResources('AWS::SQS::Queue') as Record<string, Resource>;
    const policies = Object.values(template.findResources('AWS::SQS::QueuePolicy')) as Resource[];
    for (const [id, queue] of Object.entries(queues)) {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      const policy = policies.find(
        (p) => JSON.stringify(p.Properties.Queues) === JSON.stringify([{ Ref: id }]),
      );
      expect(JSON.stringify(policy?.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('hide a send batch at least six times the sender timeout, so a retried invocation still owns it', () => {
    const timeout = props(SENDER).Timeout as number;
    expect(timeout).toBe(120);
    expect(props('DeliveryQueues/Send').VisibilityTimeout as number).toBeGreaterThanOrEqual(6 * timeout);
  });
});

describe('the sender', () => {
  const mapping = (t: Template) => mappingOf(t, SENDER);

  it('takes one batch message at a time from the send queue, reporting failed items', () => {
    expect(mapping(template)).toMatchObject({
      EventSourceArn: arnOf('DeliveryQueues/Send'),
      FunctionName: { Ref: logicalId(SENDER) },
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('runs at most MAX_SENDERS at once, the number each one divides the SES rate by', () => {
    for (const [t, expected] of [
      [template, 2],
      [synthTemplate({ maxSenders: 5 }), 5],
    ] as const) {
      expect(mapping(t).ScalingConfig).toEqual({ MaximumConcurrency: expected });
      expect(envOf(SENDER, t).MAX_SENDERS).toBe(String(expected));
    }
  });

  it('refuses a maxSenders SQS would not accept', () => {
    expect(() => synthTemplate({ maxSenders: 1 })).toThrow(/maxSenders/);
    expect(() => synthTemplate({ maxSenders: 'two' })).toThrow(/maxSenders/);
  });
});

describe('the social worker', () => {
  it('takes one (issue, network) message per invocation, six at most at once, reporting failed items', () => {
    expect(mappingOf(template, SOCIAL)).toMatchObject({
      EventSourceArn: arnOf('DeliveryQueues/Social'),
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 6 },
    });
    const timeout = props(SOCIAL).Timeout as number;
    expect(timeout).toBe(60);
    expect(props('DeliveryQueues/Social').VisibilityTimeout as number).toBeGreaterThanOrEqual(6 * timeout);
  });

  it('reads the accounts from a secret of their own, by ARN, with the social settings of the other functions', () => {
    const env = envOf(SOCIAL);
    expect(env).toMatchObject({
      ...socialSettings,
      TABLE_NAME: { Ref: logicalId('Data/Table') },
      SOCIAL_QUEUE_URL: { Ref: logicalId('DeliveryQueues/Social') },
      SOCIAL_ACCOUNTS_SECRET_ARN: { Ref: logicalId('Delivery/Social/Accounts') },
      PUBLIC_BASE_URL: 'https://newsletter.example.com',
      AUTHOR_EMAIL: 'author@newsletter.example.com',
    });
    template.hasOutput('SocialAccountsSecretArn', { Value: { Ref: logicalId('Delivery/Social/Accounts') } });
    expect(props('Delivery/Social/Accounts').SecretString).toBe('{}');
  });

  it('passes the enabled networks to every function that needs them, and refuses an unknown network', () => {
    const other = synthTemplate({ socialNetworks: 'Mastodon, bluesky', socialHashtags: 'playlist musique' });
    for (const fn of [DISPATCH, SENDER, SOCIAL, 'Functions/Admin/Function']) {
      expect(envOf(fn, other)).toMatchObject({
        SOCIAL_NETWORKS: 'mastodon,bluesky',
        SOCIAL_HASHTAGS: 'playlist musique',
      });
    }
    expect(() => synthTemplate({ socialNetworks: 'mastodon,myspace' })).toThrow(/socialNetworks.*myspace/);
    expect(() => synthTemplate({ mastodonMaxCharacters: '50' })).toThrow(/mastodonMaxCharacters/);
  });
});

describe('the Sunday schedule', () => {
  // The eve check is the other schedule (test/infra/music.test.ts).
  const schedule = (t: Template) => props('SundaySchedule/Schedule', t);

  it('invokes dispatch on Sundays at 09:00 Paris time, retrying for an hour, then dead-lettering', () => {
    expect(schedule(template)).toMatchObject({
      ScheduleExpression: 'cron(0 9 ? * SUN *)',
      ScheduleExpressionTimezone: 'Europe/Paris',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: arnOf(DISPATCH),
        RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 3 },
        DeadLetterConfig: { Arn: arnOf('SundaySchedule/DeadLetters') },
        Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
      },
    });
  });

  it('takes day, time and zone from context', () => {
    const other = synthTemplate({ scheduleDay: 'sat', scheduleTime: '07:30', timeZone: 'America/New_York' });
    expect(schedule(other)).toMatchObject({
      ScheduleExpression: 'cron(30 7 ? * SAT *)',
      ScheduleExpressionTimezone: 'America/New_York',
    });
    expect(envOf(DISPATCH, other).TIME_ZONE).toBe('America/New_York');
  });

  it('refuses a day, time or deadline that cannot work', () => {
    expect(() => synthTemplate({ scheduleDay: 'DIM' })).toThrow(/scheduleDay/);
    expect(() => synthTemplate({ scheduleTime: '9h' })).toThrow(/scheduleTime/);
    expect(() => synthTemplate({ scheduleTime: '15:00' })).toThrow(/sendDeadline.*after/);
  });

  it('lets Scheduler invoke the unqualified dispatch function and write its DLQ, nothing more', () => {
    const roleId = (schedule(template).Target as { RoleArn: GetAtt }).RoleArn['Fn::GetAtt'][0];
    const role = statementsOfRole(statements, roleId);
    expect(actionsOf(role)).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
    expect(role.find((s) => s.Action === 'lambda:InvokeFunction')?.Resource).toEqual([
      arnOf(DISPATCH),
      { 'Fn::Join': ['', [arnOf(DISPATCH), ':$LATEST']] },
    ]);
    expect(role.find((s) => s.Action === 'sqs:SendMessage')?.Resource).toEqual(
      arnOf('SundaySchedule/DeadLetters'),
    );
  });
});

describe('SES events', () => {
  it('come from a configuration set with reputation metrics, through SNS, for the five delivery events', () => {
    expect(props('EmailEvents/ConfigurationSet').ReputationOptions).toEqual({
      ReputationMetricsEnabled: true,
    });
    const destination = only(template, 'AWS::SES::ConfigurationSetEventDestination').Properties;
    expect(destination.ConfigurationSetName).toEqual({ Ref: logicalId('EmailEvents/ConfigurationSet') });
    const { MatchingEventTypes, SnsDestination, Enabled } = destination.EventDestination as Record<
      string,
      unknown
    >;
    expect(Enabled).toBe(true);
    expect([...(MatchingEventTypes as string[])].sort()).toEqual([
      'bounce',
      'complaint',
      'delivery',
      'reject',
      'send',
    ]);
    expect(SnsDestination).toEqual({ TopicARN: { Ref: logicalId('EmailEvents/Topic') } });
  });

  it('may be published by SES for this configuration set only, and over TLS only', () => {
    const policy = props('EmailEvents/Topic/Policy') as { PolicyDocument: { Statement: unknown[] } };
    const topic = { Ref: logicalId('EmailEvents/Topic') };
    expect(policy.PolicyDocument.Statement).toEqual([
      {
        Sid: 'AllowPublishThroughSSLOnly',
        Action: 'sns:Publish',
        Effect: 'Deny',
        Principal: '*',
        Resource: topic,
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Sid: '1',
        Action: 'sns:Publish',
        Effect: 'Allow',
        Principal: { Service: 'ses.amazonaws.com' },
        Resource: topic,
        Condition: {
          StringEquals: {
            'AWS:SourceAccount': { Ref: 'AWS::AccountId' },
            'AWS:SourceArn': sesArn('configuration-set/', {
              Ref: logicalId('EmailEvents/ConfigurationSet'),
            }),
          },
        },
      },
    ]);
  });

  it('reach the SES events function, with undeliverable ones kept in a DLQ SNS may write to', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: logicalId('EmailEvents/Topic') },
      Endpoint: arnOf(SES_EVENTS),
      RedrivePolicy: { deadLetterTargetArn: arnOf('Delivery/SesEventsDeadLetters') },
    });
    const policy = props('Delivery/SesEventsDeadLetters/Policy') as { PolicyDocument: unknown };
    expect(JSON.stringify(policy.PolicyDocument)).toContain('"Service":"sns.amazonaws.com"');
  });
});

describe('operator alarms', () => {
  it('watch every dead-letter queue from its first message, alarming (and clearing) on one topic', () => {
    // Function and reputation alarms: test/infra/operations.test.ts.
    const alarms = Object.values(
      template.findResources('AWS::CloudWatch::Alarm', {
        Properties: { Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible' },
      }),
    ) as Resource[];
    expect(alarms).toHaveLength(DEAD_LETTER_QUEUES.length);
    const topic = { Ref: logicalId('OperatorAlarms/Topic') };
    const watched = alarms.map((alarm) => {
      expect(alarm.Properties).toMatchObject({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Period: 300,
        Threshold: 1,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [topic],
        OKActions: [topic],
      });
      const [dimension] = alarm.Properties.Dimensions as [{ Name: string; Value: GetAtt }];
      expect(dimension.Name).toBe('QueueName');
      return dimension.Value['Fn::GetAtt'][0];
    });
    expect(watched.sort()).toEqual(DEAD_LETTER_QUEUES.map((path) => logicalId(path)).sort());
  });

  it('mail the operator only when operatorEmail is set', () => {
    const emails = (t: Template) =>
      Object.keys(t.findResources('AWS::SNS::Subscription', { Properties: { Protocol: 'email' } }));
    expect(emails(template)).toEqual([]);
    const other = synthTemplate({ operatorEmail: 'ops@example.org' });
    other.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
      TopicArn: { Ref: logicalId('OperatorAlarms/Topic', other) },
    });
    expect(() => synthTemplate({ operatorEmail: 'not an address' })).toThrow(/operatorEmail/);
  });

  it("writes the author's mails in authorLanguage, at the scheduled hour, and refuses another language", () => {
    const other = synthTemplate({ authorLanguage: 'en', scheduleDay: 'SAT', scheduleTime: '08:30' });
    // The studio (admin function) too: its pages, the preview's banner and the test mail are hers.
    for (const fn of [DISPATCH, SENDER, SOCIAL, 'Functions/Admin/Function'])
      expect(envOf(fn, other), fn).toMatchObject({ AUTHOR_LANGUAGE: 'en', SCHEDULE: '30 8 * * 6' });
    expect(() => synthTemplate({ authorLanguage: 'de' })).toThrow(/authorLanguage/);
  });
});

describe('the delivery functions', () => {
  const mail = () => ({
    SENDER_ADDRESS: 'sunday@newsletter.example.com',
    SENDER_NAME: 'Online Sunday Morning Sound',
    SES_CONFIGURATION_SET: { Ref: logicalId('EmailEvents/ConfigurationSet') },
    AUTHOR_EMAIL: 'author@newsletter.example.com',
    AUTHOR_LANGUAGE: 'fr',
    TIME_ZONE: 'Europe/Paris',
    SCHEDULE: '0 9 * * 0',
    NODE_OPTIONS: '--enable-source-maps',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  const isExtensionSetting = (key: string) =>
    /^(PARAMETERS_SECRETS_EXTENSION_|SECRETS_MANAGER_|SSM_PARAMETER_STORE_)/.test(key);

  it('are Node 24 arm64 functions sized for their work', () => {
    expect(props(DISPATCH)).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 900,
    });
    expect(props(SENDER)).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 120,
    });
    expect(props(SES_EVENTS)).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Timeout: 30 });
  });

  it('give dispatch exactly its settings', () => {
    expect(envOf(DISPATCH)).toEqual({
      ...mail(),
      TABLE_NAME: { Ref: logicalId('Data/Table') },
      SEND_QUEUE_URL: { Ref: logicalId('DeliveryQueues/Send') },
      SOCIAL_QUEUE_URL: { Ref: logicalId('DeliveryQueues/Social') },
      PUBLIC_BASE_URL: 'https://newsletter.example.com',
      TIME_ZONE: 'Europe/Paris',
      SEND_DEADLINE: '14:00',
      ...socialSettings,
    });
  });

  it('give the sender exactly its settings, the secret by ARN through the extension layer', () => {
    const env = envOf(SENDER);
    const extension = Object.fromEntries(Object.entries(env).filter(([key]) => isExtensionSetting(key)));
    expect(extension.SECRETS_MANAGER_TTL).toBe('300');
    expect(env).toEqual({
      ...mail(),
      ...extension,
      TABLE_NAME: { Ref: logicalId('Data/Table') },
      SEND_QUEUE_URL: { Ref: logicalId('DeliveryQueues/Send') },
      PUBLIC_BASE_URL: 'https://newsletter.example.com',
      LIST_ID: 'Online Sunday Morning Sound <sunday.newsletter.example.com>',
      MAX_SENDERS: '2',
      SECRETS_ARN: { Ref: logicalId('Secrets/Secret') },
      // The flags `npm run bench` measures the sender with (infra/bundling/runtime-flags.ts).
      NODE_OPTIONS: ['--enable-source-maps', ...senderNodeFlags].join(' '),
      MALLOC_ARENA_MAX: '2',
      // The report waits for each enabled network's outcome.
      ...socialSettings,
    });
    expect(props(SENDER).Layers).toHaveLength(1);
  });

  it('give the SES events function the table and the secret by ARN (to hash an untagged address)', () => {
    const env = envOf(SES_EVENTS);
    expect(Object.fromEntries(Object.entries(env).filter(([key]) => !isExtensionSetting(key)))).toEqual({
      TABLE_NAME: { Ref: logicalId('Data/Table') },
      SECRETS_ARN: { Ref: logicalId('Secrets/Secret') },
      NODE_OPTIONS: '--enable-source-maps',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
  });

  it('take the mail settings from context, refusing header-breaking values and a missing author', () => {
    const other = synthTemplate({
      senderName: 'Dimanche',
      listId: 'Dimanche <d.example.org>',
      sendDeadline: '12:00',
    });
    expect(envOf(SENDER, other)).toMatchObject({
      SENDER_NAME: 'Dimanche',
      LIST_ID: 'Dimanche <d.example.org>',
    });
    expect(envOf(DISPATCH, other).SEND_DEADLINE).toBe('12:00');
    expect(() => synthTemplate({ senderName: 'Dimanche\r\nBcc: x@example.org' })).toThrow(/senderName/);
    expect(() => synthTemplate({ listId: 'Dimanche' })).toThrow(/listId/);
    expect(() => synthTemplate({ authorEmail: undefined })).toThrow(/authorEmail/);
  });
});

describe('delivery IAM', () => {
  // Query reaches the one index by name: no `index/*` for indexes added later.
  const gsi1 = () => ({ 'Fn::Join': ['', [arnOf('Data/Table'), '/index/gsi1']] });
  const queried = (role: Statement[]) =>
    role.filter((s) => actionsOf([s]).includes('dynamodb:Query')).map((s) => s.Resource);
  const sendRawEmailResources = () => [
    sesArn('configuration-set/', { Ref: logicalId('EmailEvents/ConfigurationSet') }),
    sesArn('identity/newsletter.example.com'),
  ];
  const roleStatements = (fnPath: string) => statementsOfRole(statements, roleOf(fnPath));

  it('lets dispatch use the table, enqueue on both queues and mail the author', () => {
    const dispatch = roleStatements(DISPATCH);
    expect(actionsOf(dispatch)).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'ses:SendRawEmail',
      'sqs:SendMessage',
    ]);
    // DispatchFailures: Lambda writes a failed invocation's record with the function's own role.
    expect(dispatch.find((s) => s.Action === 'sqs:SendMessage')?.Resource).toEqual([
      arnOf('Delivery/DispatchFailures'),
      arnOf('DeliveryQueues/Send'),
      arnOf('DeliveryQueues/Social'),
    ]);
    expect(dispatch.find((s) => s.Action === 'ses:SendRawEmail')?.Resource).toEqual(sendRawEmailResources());
    expect(queried(dispatch)).toEqual([arnOf('Data/Table'), gsi1()]);
  });

  it('lets the sender consume its queue, use the table, send through SES, read its quota and the secret', () => {
    const sender = roleStatements(SENDER);
    expect(actionsOf(sender)).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
      'ses:GetSendQuota',
      'ses:SendRawEmail',
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:ReceiveMessage',
      'sqs:SendMessage',
    ]);
    expect(sender.find((s) => s.Action === 'ses:SendRawEmail')?.Resource).toEqual(sendRawEmailResources());
    for (const s of sender.filter((s) => actionsOf([s]).some((a) => a.startsWith('sqs:')))) {
      expect(s.Resource).toEqual(arnOf('DeliveryQueues/Send'));
    }
  });

  it('lets the social worker use the table, its queue, its accounts and apps secrets and mail the author, nothing else', () => {
    const social = roleStatements(SOCIAL);
    expect(actionsOf(social)).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
      'ses:SendRawEmail',
      'sqs:ChangeMessageVisibility',
      'sqs:DeleteMessage',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:ReceiveMessage',
      'sqs:SendMessage',
    ]);
    for (const s of social.filter((s) => actionsOf([s]).some((a) => a.startsWith('sqs:')))) {
      expect(s.Resource).toEqual(arnOf('DeliveryQueues/Social'));
    }
    // Issue 25: the operator's developer apps too; her tokens' key is granted by its own policy, not here.
    expect(
      social
        .filter((s) => actionsOf([s]).some((a) => a.startsWith('secretsmanager:')))
        .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]))
        .map((resource) => JSON.stringify(resource))
        .sort(),
    ).toEqual(
      [{ Ref: logicalId('ConnectedAccounts/Apps') }, { Ref: logicalId('Delivery/Social/Accounts') }]
        .map((resource) => JSON.stringify(resource))
        .sort(),
    );
  });

  it('lets the SES events function use the table, its logs and the secret, nothing else', () => {
    expect(actionsOf(roleStatements(SES_EVENTS))).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
      'sqs:SendMessage',
    ]);
    expect(roleStatements(SES_EVENTS).find((s) => s.Action === 'sqs:SendMessage')?.Resource).toEqual(
      arnOf('Delivery/SesEventsFailures'),
    );
  });

  it('grants no wildcard action, and * as a resource only to the sender for ses:GetSendQuota', () => {
    expect(wildcardActions(statements)).toEqual([]);
    const bare = statements.filter(({ statement }) => JSON.stringify(statement.Resource).includes('"*"'));
    expect(bare.map(({ statement }) => statement)).toEqual([
      { Effect: 'Allow', Action: 'ses:GetSendQuota', Resource: '*' },
      {
        Effect: 'Allow',
        Action: ['lambda:GetAccountSettings', 'ses:GetAccount', 'ses:ListEmailIdentities'],
        Resource: '*',
      },
    ]);
    expect(bare[0]?.roles).toEqual([{ Ref: roleOf(SENDER) }]);
    expect(bare[1]?.roles).toEqual([{ Ref: roleOf('Deliverability/Function/Function') }]);
    expect(actionsWithoutResourceTypes).toEqual([
      'ses:GetSendQuota',
      'ses:GetAccount',
      'ses:ListEmailIdentities',
      'lambda:GetAccountSettings',
    ]);
  });
});

describe('delivery outputs', () => {
  it('name the send queue, the configuration set and the operator topic', () => {
    template.hasOutput('SendQueueUrl', { Value: { Ref: logicalId('DeliveryQueues/Send') } });
    template.hasOutput('ConfigurationSetName', { Value: { Ref: logicalId('EmailEvents/ConfigurationSet') } });
    template.hasOutput('OperatorTopicArn', { Value: { Ref: logicalId('OperatorAlarms/Topic') } });
  });
});
