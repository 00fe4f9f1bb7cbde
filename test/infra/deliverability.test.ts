import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { concurrencyNeeded as doctorNeeds } from '../../shared/domain/settings/concurrency-needed.ts';
import { concurrencyNeeded } from '../../infra/constructs/deliverability-check.ts';
import { actionsOf, policyStatements, statementsOfRole } from './iam.ts';
import { envIn, propsIn, type Resource, roleIn, synthTemplate } from './template.ts';

// Issue 23: the daily deliverability check, as the stack deploys it.

const FN = 'Deliverability/Function/Function';
let template: Template;
beforeAll(() => {
  template = synthTemplate({
    operatorEmail: 'ops@newsletter.example.com',
    socialNetworks: 'mastodon,bluesky',
  });
});

describe('the deliverability check', () => {
  it('reads the account, the table and both secrets, keeps its failures, and nothing else', () => {
    const statements = statementsOfRole(policyStatements(template), roleIn(template, FN));
    expect(actionsOf(statements)).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'lambda:GetAccountSettings',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
      'ses:GetAccount',
      'ses:GetEmailIdentity',
      'ses:ListEmailIdentities',
      // Its own on-failure queue.
      'sqs:SendMessage',
    ]);
  });

  it('knows the domain, the MAIL FROM, the report address, the networks and the concurrency the doctor checks', () => {
    expect(envIn(template, FN)).toMatchObject({
      SENDER_DOMAIN: 'newsletter.example.com',
      MAIL_FROM_DOMAIN: 'bounce.newsletter.example.com',
      DMARC_REPORTS: 'ops@newsletter.example.com',
      SOCIAL_NETWORKS: 'mastodon,bluesky',
      CONCURRENCY_NEEDED: String(concurrencyNeeded(2)),
    });
    // The CLI and the stack count the Sunday's concurrency the same way: 2 senders + 6 + 2 + 3.
    for (const senders of [2, 4, 20]) expect(doctorNeeds(senders)).toBe(concurrencyNeeded(senders));
    expect(concurrencyNeeded(2)).toBe(13);
  });

  it('runs daily an hour before the Sunday time, in its zone, through the latest-version invoke with no retries', () => {
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')) as Resource[];
    const daily = schedules.find((s) => String(s.Properties.Description).includes('deliverability'));
    expect(daily?.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 8 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Paris',
      Target: { RetryPolicy: { MaximumRetryAttempts: 0 } },
    });
    const invokeConfigs = Object.values(
      template.findResources('AWS::Lambda::EventInvokeConfig'),
    ) as Resource[];
    const own = invokeConfigs.find((c) =>
      JSON.stringify(c.Properties.FunctionName).includes('Deliverability'),
    );
    expect(own?.Properties.MaximumRetryAttempts).toBe(0);
    expect(propsIn(template, FN).Timeout).toBe(60);
  });

  it('outputs the DMARC record to create, reports to the operator', () => {
    template.hasOutput('DmarcRecord', {
      Value: '_dmarc.newsletter.example.com TXT "v=DMARC1; p=none; rua=mailto:ops@newsletter.example.com"',
    });
  });
});
