import { Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BOUNCE_RATE_ALARM, COMPLAINT_RATE_ALARM } from '../../infra/constructs/operator-alarms.ts';
import { type AnyStatement, everyStatement, wildcardsIn } from './iam.ts';
import { buildStack, logicalIdIn, propsIn, type Resource, synthTemplate } from './template.ts';

// Issue 6: every function, queue and log group watched or bounded, found by iterating the template, so
// a function or queue added later is held to the same rules without this file naming it.

let template: Template;
beforeAll(() => {
  template = synthTemplate();
});

type Alarm = Resource & { Properties: Record<string, unknown> };
const resourcesOf = (t: Template, type: string) =>
  Object.entries(t.findResources(type)) as [string, Resource & { DeletionPolicy?: string }][];
const alarmsOn = (t: Template, namespace: string, metric: string, dimension: unknown): Alarm[] =>
  resourcesOf(t, 'AWS::CloudWatch::Alarm')
    .map(([, alarm]) => alarm)
    .filter(
      ({ Properties: p }) =>
        p.Namespace === namespace &&
        p.MetricName === metric &&
        JSON.stringify(p.Dimensions) === JSON.stringify([dimension]),
    );
const firstBadDatapoint = {
  Threshold: 1,
  EvaluationPeriods: 1,
  ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  // An idle stack publishes nothing: silence is not an alarm.
  TreatMissingData: 'notBreaching',
};

describe('the alarms', () => {
  it('watch every function for errors and for throttles, from the first one in five minutes', () => {
    const functions = resourcesOf(template, 'AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThanOrEqual(6);
    for (const [id] of functions) {
      for (const metric of ['Errors', 'Throttles']) {
        const found = alarmsOn(template, 'AWS/Lambda', metric, { Name: 'FunctionName', Value: { Ref: id } });
        expect(found, `${metric} of ${id}`).toHaveLength(1);
        expect(found[0]?.Properties).toMatchObject({ ...firstBadDatapoint, Statistic: 'Sum', Period: 300 });
      }
    }
  });

  it('watch the depth of every queue that is a dead-letter queue, and only those', () => {
    const queues = resourcesOf(template, 'AWS::SQS::Queue');
    const deadLetters = queues.filter(([, q]) => q.Properties.RedrivePolicy === undefined);
    expect(deadLetters.length).toBeGreaterThanOrEqual(8);
    for (const [id] of queues) {
      const found = alarmsOn(template, 'AWS/SQS', 'ApproximateNumberOfMessagesVisible', {
        Name: 'QueueName',
        Value: { 'Fn::GetAtt': [id, 'QueueName'] },
      });
      expect(found, id).toHaveLength(deadLetters.some(([dl]) => dl === id) ? 1 : 0);
    }
  });

  it("watch the configuration set's reputation, at half the bounce and complaint rates SES reviews at", () => {
    const set = {
      Name: 'ses:configuration-set',
      Value: { Ref: logicalIdIn(template, 'EmailEvents/ConfigurationSet') },
    };
    expect(props('EmailEvents/ConfigurationSet').ReputationOptions).toEqual({
      ReputationMetricsEnabled: true,
    });
    for (const [metric, threshold] of [
      ['Reputation.BounceRate', BOUNCE_RATE_ALARM],
      ['Reputation.ComplaintRate', COMPLAINT_RATE_ALARM],
    ] as const) {
      const [alarm, ...more] = alarmsOn(template, 'AWS/SES', metric, set);
      expect(more).toEqual([]);
      expect(alarm?.Properties).toMatchObject({
        ...firstBadDatapoint,
        Threshold: threshold,
        Statistic: 'Maximum',
      });
    }
    expect([BOUNCE_RATE_ALARM, COMPLAINT_RATE_ALARM]).toEqual([0.05 / 2, 0.001 / 2]);
  });

  it('notify the operator topic when they fire and when they clear, and nothing else', () => {
    const topic = [{ Ref: logicalIdIn(template, 'OperatorAlarms/Topic') }];
    const alarms = resourcesOf(template, 'AWS::CloudWatch::Alarm');
    const functions = resourcesOf(template, 'AWS::Lambda::Function').length;
    const deadLetters = resourcesOf(template, 'AWS::SQS::Queue').filter(
      ([, q]) => !q.Properties.RedrivePolicy,
    );
    const workQueues = resourcesOf(template, 'AWS::SQS::Queue').length - deadLetters.length;
    // Two per function, one per queue (depth of a dead-letter queue, age of a working one), two for the
    // reputation: no alarm of unknown purpose.
    expect(alarms).toHaveLength(2 * functions + deadLetters.length + workQueues + 2);
    for (const [id, alarm] of alarms) {
      expect(alarm.Properties.AlarmActions, id).toEqual(topic);
      expect(alarm.Properties.OKActions, id).toEqual(topic);
      expect(alarm.Properties.InsufficientDataActions, id).toBeUndefined();
      expect(alarm.Properties.AlarmDescription, id).toMatch(/^Dimanche: /);
    }
  });

  it('cover a function and a queue added to the stack after it was built, without naming them', () => {
    const stack = buildStack();
    const later = new LambdaFunction(stack, 'Later', {
      runtime: Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: Code.fromInline('exports.handler = async () => {};'),
    });
    const lost = new Queue(stack, 'LostAndFound');
    const t = Template.fromStack(stack);
    const fn = { Name: 'FunctionName', Value: { Ref: stack.getLogicalId(later.node.defaultChild as never) } };
    expect(alarmsOn(t, 'AWS/Lambda', 'Errors', fn)).toHaveLength(1);
    expect(alarmsOn(t, 'AWS/Lambda', 'Throttles', fn)).toHaveLength(1);
    const queueId = stack.getLogicalId(lost.node.defaultChild as never);
    expect(
      alarmsOn(t, 'AWS/SQS', 'ApproximateNumberOfMessagesVisible', {
        Name: 'QueueName',
        Value: { 'Fn::GetAtt': [queueId, 'QueueName'] },
      }),
    ).toHaveLength(1);
  });
});

const props = (path: string) => propsIn(template, path);

describe('the operator topic', () => {
  it('takes publications from this account’s alarms only, and over TLS only', () => {
    const topic = { Ref: logicalIdIn(template, 'OperatorAlarms/Topic') };
    const policy = props('OperatorAlarms/Topic/Policy') as { PolicyDocument: { Statement: unknown[] } };
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
        // The topic policy replaces SNS's default one, which is what let alarms publish before.
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Resource: topic,
        Condition: {
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          ArnLike: {
            'aws:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':cloudwatch:',
                  { Ref: 'AWS::Region' },
                  ':',
                  { Ref: 'AWS::AccountId' },
                  ':alarm:*',
                ],
              ],
            },
          },
        },
      },
    ]);
  });
});

describe('the logs', () => {
  it('are all kept one month, and go with the stack', () => {
    const groups = resourcesOf(template, 'AWS::Logs::LogGroup');
    // One per function and the API's access log.
    expect(groups).toHaveLength(resourcesOf(template, 'AWS::Lambda::Function').length + 1);
    for (const [id, group] of groups) {
      expect(group.Properties.RetentionInDays, id).toBe(30);
      expect(group.DeletionPolicy, id).toBe('Delete');
    }
  });

  it('are JSON, each function to a group of the stack rather than one Lambda would create and keep forever', () => {
    const groups = resourcesOf(template, 'AWS::Logs::LogGroup').map(([id]) => ({ Ref: id }));
    for (const [id, fn] of resourcesOf(template, 'AWS::Lambda::Function')) {
      const logging = fn.Properties.LoggingConfig as { LogFormat: string; LogGroup: unknown };
      expect(logging.LogFormat, id).toBe('JSON');
      expect(groups, id).toContainEqual(logging.LogGroup);
    }
  });

  it('have one JSON line per API request: route, status, latency, errors; no path, query or address', () => {
    const stage = props('Api/DefaultStage').AccessLogSettings as { DestinationArn: unknown; Format: string };
    expect(stage.DestinationArn).toEqual({ 'Fn::GetAtt': [logicalIdIn(template, 'Api/AccessLogs'), 'Arn'] });
    const format = JSON.parse(stage.Format) as Record<string, string>;
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      route: '$context.routeKey',
      status: '$context.status',
      latencyMs: '$context.responseLatency',
      integrationError: '$context.integrationErrorMessage',
    });
    expect(Object.values(format).join(' ')).not.toMatch(/\$context\.(path|identity\.sourceIp|resourcePath)/);
  });
});

describe('every statement in the template', () => {
  let statements: { resource: string; statement: AnyStatement }[];
  beforeAll(() => {
    statements = everyStatement(template);
  });

  it('allows no wildcard action: IAM policies, trust policies, queue and topic policies, Lambda permissions', () => {
    const types = new Set(statements.map(({ resource }) => template.toJSON().Resources[resource].Type));
    // Identity and trust policies, resource policies, permissions: the walk reaches every kind there is.
    expect([...types]).toEqual(
      expect.arrayContaining([
        'AWS::IAM::Policy',
        'AWS::IAM::Role',
        'AWS::Lambda::Permission',
        'AWS::SNS::TopicPolicy',
        'AWS::SQS::QueuePolicy',
      ]),
    );
    const allowed = statements.filter(({ statement }) => statement.Effect === 'Allow');
    expect(
      allowed.flatMap(({ resource, statement }) => wildcardsIn(statement).map((a) => `${resource}: ${a}`)),
    ).toEqual([]);
  });

  it('uses a wildcard only to deny everything over plain HTTP (cdk-nag SQS4 and S10 want exactly that)', () => {
    const denied = statements.filter(({ statement }) => wildcardsIn(statement).length > 0);
    const queues = resourcesOf(template, 'AWS::SQS::Queue').length;
    // Issue 26: the bucket of public pages refuses plain HTTP the same way.
    expect(denied.length).toBe(queues + resourcesOf(template, 'AWS::S3::Bucket').length);
    for (const { resource, statement } of denied) {
      expect(statement, resource).toMatchObject({
        Effect: 'Deny',
        Action: expect.stringMatching(/^(sqs|s3):\*$/),
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      });
    }
  });

  it('would find a wildcard wherever it hides', () => {
    const leaky = Template.fromJSON({
      Resources: {
        Policy: {
          Type: 'AWS::IAM::Policy',
          Properties: {
            PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['s3:Get*'], Resource: '*' }] },
          },
        },
        Bucket: {
          Type: 'AWS::S3::BucketPolicy',
          Properties: {
            PolicyDocument: { Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] },
          },
        },
        Permission: {
          Type: 'AWS::Lambda::Permission',
          Properties: { Action: 'lambda:*', FunctionName: 'f' },
        },
      },
    });
    expect(
      everyStatement(leaky).map(({ resource, statement }) => [resource, wildcardsIn(statement)]),
    ).toEqual([
      ['Policy', ['s3:Get*']],
      ['Bucket', ['NotAction']],
      ['Permission', ['lambda:*']],
    ]);
  });
});

describe('the HTTP API', () => {
  const cors = (t: Template) => propsIn(t, 'Api/HttpApi').CorsConfiguration;

  it('answers no cross-origin request unless allowedOrigins names the origin', () => {
    expect(cors(template)).toBeUndefined();
    const other = synthTemplate({ allowedOrigins: 'https://blog.example.org, https://www.example.org:8443' });
    expect(cors(other)).toEqual({
      AllowOrigins: ['https://blog.example.org', 'https://www.example.org:8443'],
      AllowMethods: ['GET', 'POST'],
      AllowHeaders: ['content-type'],
    });
    expect(cors(synthTemplate({ allowedOrigins: ['https://blog.example.org'] }))).toMatchObject({
      AllowOrigins: ['https://blog.example.org'],
    });
  });

  it('refuses an origin that is not https, or carries a path', () => {
    expect(() => synthTemplate({ allowedOrigins: 'http://blog.example.org' })).toThrow(/allowedOrigins/);
    expect(() => synthTemplate({ allowedOrigins: 'https://blog.example.org/subscribe' })).toThrow(
      /allowedOrigins/,
    );
    expect(() => synthTemplate({ allowedOrigins: '*' })).toThrow(/allowedOrigins/);
  });
});

describe('the sender identity', () => {
  it('is the sender domain with 2048-bit Easy DKIM and a MAIL FROM subdomain, kept if the stack goes', () => {
    const identities = resourcesOf(template, 'AWS::SES::EmailIdentity');
    expect(identities).toHaveLength(1);
    const identity = identities[0]?.[1];
    expect(identity?.Properties).toEqual({
      EmailIdentity: 'newsletter.example.com',
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      MailFromAttributes: {
        MailFromDomain: 'bounce.newsletter.example.com',
        BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
      },
    });
    expect(identity?.DeletionPolicy).toBe('Retain');
    template.hasOutput('DkimRecords', {});
    template.hasOutput('MailFromRecords', {});
  });

  it('takes its MAIL FROM domain from context, or is left out when the identity exists already', () => {
    const other = synthTemplate({ mailFromDomain: 'mail.newsletter.example.com' });
    other.hasResourceProperties('AWS::SES::EmailIdentity', {
      MailFromAttributes: { MailFromDomain: 'mail.newsletter.example.com' },
    });
    const existing = synthTemplate({ createEmailIdentity: 'false' });
    existing.resourceCountIs('AWS::SES::EmailIdentity', 0);
    expect(Object.keys(existing.findOutputs('*'))).not.toContain('DkimRecords');
    expect(() => synthTemplate({ mailFromDomain: 'bounce.elsewhere.org' })).toThrow(/mailFromDomain/);
    expect(() => synthTemplate({ createEmailIdentity: 'maybe' })).toThrow(/createEmailIdentity/);
  });
});
