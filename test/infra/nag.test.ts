import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Acknowledgment,
  acknowledgments,
  everyNagFinding,
  type NagFinding,
  nagFindings,
  stale,
  unexplained,
} from './nag.ts';
import { dimancheApp } from '../../infra/dimanche-app.ts';
import { buildStack, fastAppProps } from './template.ts';

// Issue 6: the AwsSolutions pack over the whole stack, built once (the pack walks every construct twice).
let findings: NagFinding[];
let every: NagFinding[];
let acks: Acknowledgment[];
beforeAll(() => {
  const stack = buildStack();
  // Synthesised first, as `cdk synth` does before it runs the pack (infra/app.ts registers it).
  Template.fromStack(stack);
  findings = nagFindings(stack);
  every = everyNagFinding(stack);
  acks = acknowledgments(stack);
});

describe('cdk-nag AwsSolutions on the stack', () => {
  it('finds nothing that an acknowledgment does not cover', () => {
    expect(every.length).toBeGreaterThan(0);
    expect(findings).toEqual([]);
  });

  it('gives every acknowledgment a reason, and each one hides a finding that is really there', () => {
    expect(unexplained(acks)).toEqual([]);
    expect(stale(acks, every)).toEqual([]);
  });

  it('acknowledges these findings only, each on the construct it concerns', () => {
    expect(acks.map(({ rule, path }) => `${rule} ${path}`).sort()).toEqual([
      // Each route on its own, with why it needs no authorizer (api.ts, ROUTE_AUTHORISATION).
      'AwsSolutions-APIG4 Dimanche/Api/HttpApi/ANY--admin--{proxy+}',
      'AwsSolutions-APIG4 Dimanche/Api/HttpApi/ANY--studio',
      'AwsSolutions-APIG4 Dimanche/Api/HttpApi/ANY--studio--{proxy+}',
      'AwsSolutions-APIG4 Dimanche/Api/HttpApi/ANY--u--{token}',
      'AwsSolutions-APIG4 Dimanche/Api/HttpApi/DefaultRoute',
      'AwsSolutions-APIG4 Dimanche/Api/HttpApi/GET--r--{linkId}',
      'AwsSolutions-APIG4 Dimanche/Api/HttpApi/POST--webhooks--{proxy+}',
      // Issue 26: the CDN (geo, WAF, logs, TLS of the default name) and the grants on its pages' prefix.
      'AwsSolutions-CFR1 Dimanche/Cdn/Distribution',
      'AwsSolutions-CFR2 Dimanche/Cdn/Distribution',
      'AwsSolutions-CFR3 Dimanche/Cdn/Distribution',
      'AwsSolutions-CFR4 Dimanche/Cdn/Distribution',
      'AwsSolutions-IAM5[Resource::*] Dimanche/Deliverability/Function/Role',
      'AwsSolutions-IAM5[Resource::*] Dimanche/Delivery/Sender/Role',
      'AwsSolutions-IAM5[Resource::<CdnPublicPages3308A820.Arn>/archive/*] Dimanche/Functions/Api/Role',
      'AwsSolutions-IAM5[Resource::<CdnPublicPages3308A820.Arn>/archive/*] Dimanche/Functions/Render/Role',
      'AwsSolutions-S1 Dimanche/Cdn/PublicPages',
      // The networks' client secrets: rolled by the operator in each network's console (docs/social-apps.md).
      'AwsSolutions-SMG4 Dimanche/ConnectedAccounts/Apps',
      'AwsSolutions-SMG4 Dimanche/Delivery/Social/Accounts',
      'AwsSolutions-SMG4 Dimanche/Secrets/Secret',
      // Lambda's on-failure destinations of its asynchronous invocations (async-failures.ts).
      'AwsSolutions-SQS3 Dimanche/ConnectedAccounts/Failures',
      'AwsSolutions-SQS3 Dimanche/Deliverability/Failures',
      'AwsSolutions-SQS3 Dimanche/Delivery/DispatchFailures',
      'AwsSolutions-SQS3 Dimanche/Delivery/SesEventsDeadLetters',
      'AwsSolutions-SQS3 Dimanche/Delivery/SesEventsFailures',
      // Scheduler's dead letters, like the Sunday schedule's: the eve check's (issue 7).
      'AwsSolutions-SQS3 Dimanche/Music/ScheduleDeadLetters',
      'AwsSolutions-SQS3 Dimanche/SundaySchedule/DeadLetters',
    ]);
  });
});

describe('the HTTP API', () => {
  it('leaves a route added later unacknowledged, so the synth stops until someone says how it is authorised', () => {
    const stack = buildStack();
    const api = stack.node.findChild('Api').node.findChild('HttpApi') as HttpApi;
    api.addRoutes({
      path: '/later',
      methods: [HttpMethod.GET],
      integration: new HttpUrlIntegration('Later', 'https://example.org'),
    });
    Template.fromStack(stack);
    expect(nagFindings(stack)).toEqual([
      { rule: 'AwsSolutions-APIG4', path: 'Dimanche/Api/HttpApi/GET--later/Resource' },
    ]);
  });
});

describe('the CDK app', () => {
  it('runs the same checks on every synth, so a finding nobody acknowledged stops `cdk synth` and a deploy', () => {
    const app = dimancheApp(fastAppProps());
    expect(() => app.synth()).not.toThrow();
    const leaky = dimancheApp(fastAppProps());
    new Queue(leaky.node.findChild('Dimanche'), 'Leaky');
    expect(() => leaky.synth()).toThrow(/AwsSolutions-SQS3/);
  });
});

describe('the nag check', () => {
  // A bare queue: no dead-letter queue (AwsSolutions-SQS3) and no TLS-only policy (AwsSolutions-SQS4).
  const leakyQueue = () => {
    const stack = new Stack(new App(), 'Fixture');
    return { stack, queue: new Queue(stack, 'Leaky') };
  };

  it('reports a finding nobody acknowledged', () => {
    const { stack } = leakyQueue();
    expect(nagFindings(stack)).toEqual([
      { rule: 'AwsSolutions-SQS3', path: 'Fixture/Leaky/Resource' },
      { rule: 'AwsSolutions-SQS4', path: 'Fixture/Leaky/Resource' },
    ]);
  });

  it('refuses an acknowledgment with no reason, or too short a one to judge, though cdk-nag takes it', () => {
    const { stack, queue } = leakyQueue();
    Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: '' });
    Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS4', reason: 'not needed here' });
    expect(nagFindings(stack)).toEqual([]);
    expect(unexplained(acknowledgments(stack)).map(({ rule }) => rule)).toEqual([
      'AwsSolutions-SQS3',
      'AwsSolutions-SQS4',
    ]);
  });

  it('accepts a finding acknowledged with a reason, where it arises', () => {
    const { stack, queue } = leakyQueue();
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'A fixture queue that nothing consumes, so it has nothing to dead-letter.',
    });
    const acked = acknowledgments(stack);
    expect(nagFindings(stack)).toEqual([{ rule: 'AwsSolutions-SQS4', path: 'Fixture/Leaky/Resource' }]);
    expect(unexplained(acked)).toEqual([]);
    expect(stale(acked, everyNagFinding(stack))).toEqual([]);
  });

  it('notices an acknowledgment that hides nothing', () => {
    const { stack, queue } = leakyQueue();
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Left behind from a secret that was once here and has since been removed.',
    });
    expect(stale(acknowledgments(stack), everyNagFinding(stack))).toEqual([
      expect.objectContaining({ rule: 'AwsSolutions-SMG4', path: 'Fixture/Leaky' }),
    ]);
  });
});
