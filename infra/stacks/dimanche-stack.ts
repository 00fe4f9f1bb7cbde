import { CfnOutput, Lazy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import {
  type CustomDomain,
  type DeliveryConfig,
  type DimancheConfig,
  FROM_API,
  readCustomDomain,
  readDeliveryConfig,
  readSocialConfig,
} from '../config.ts';
import { readOperationsConfig } from '../operations-config.ts';
import { DimancheApi } from '../constructs/api.ts';
import { type CdnDomain, DimancheCdn } from '../constructs/cdn.ts';
import { DimancheData } from '../constructs/data.ts';
import { DeliveryFunctions, SENDER_TIMEOUT } from '../constructs/delivery-functions.ts';
import { DeliveryQueues } from '../constructs/delivery-queues.ts';
import { EmailEvents } from '../constructs/email-events.ts';
import { DimancheFunctions } from '../constructs/functions.ts';
import { OperatorAlarms } from '../constructs/operator-alarms.ts';
import { DimancheSecrets } from '../constructs/secrets.ts';
import { SenderIdentity } from '../constructs/sender-identity.ts';
import { SundaySchedule } from '../constructs/sunday-schedule.ts';
import { SOCIAL_TIMEOUT } from '../constructs/social-worker.ts';
import { MusicWorker } from '../constructs/music-worker.ts';
import { FeedPoller } from '../constructs/feed-poller.ts';
import { readBlogConfig } from '../blog-config.ts';
import { DeliverabilityCheck } from '../constructs/deliverability-check.ts';
import { ConnectedAccounts } from '../constructs/connected-accounts.ts';

export interface DimancheStackProps extends StackProps {
  readonly config: DimancheConfig;
}

/** Table, secret, the API and render functions with the HTTP API in front, Sunday delivery, and alarms. */
export class DimancheStack extends Stack {
  constructor(scope: Construct, id: string, { config: given, ...props }: DimancheStackProps) {
    super(scope, id, props);
    const domain = readCustomDomain(this.node);
    // Issue 26: with a us-east-1 certificate for it, the custom domain is the CDN's; without, the API's as before.
    const cdnDomain = cdnDomainOf(this.node, domain);
    const customDomain = cdnDomain ? undefined : domain;
    // `publicBaseUrl=api`: the API's own URL (or the custom domain's), known to the template before the API
    // exists, so one deploy is enough. Lazy: the API is built after the functions that are given it.
    const built: { api?: DimancheApi; cdn?: DimancheCdn } = {};
    const config: DimancheConfig =
      given.publicBaseUrl === FROM_API
        ? {
            ...given,
            publicBaseUrl: Lazy.string({
              produce: () => {
                if (!built.api) throw new Error('publicBaseUrl=api needs the HTTP API, which was not built');
                // Issue 26: readers' links go through the CDN, on the API's custom domain or its own.
                return built.cdn && !customDomain ? built.cdn.publicUrl : built.api.publicUrl;
              },
            }),
          }
        : given;
    // Read from context here: every delivery key but authorEmail has a default, so callers pass nothing new.
    const delivery = readDeliveryConfig(this.node, config);
    const operations = readOperationsConfig(this.node, config.senderAddress);
    const { table } = new DimancheData(this, 'Data');
    const { secret } = new DimancheSecrets(this, 'Secrets');
    const functions = new DimancheFunctions(this, 'Functions', { table, secret, config });
    const api = (built.api = new DimancheApi(this, 'Api', {
      handler: functions.api,
      admin: functions.admin,
      redirect: functions.redirect,
      allowedOrigins: operations.allowedOrigins,
      customDomain,
    }));
    // Issue 26: the public web at the edge; the render step builds its pages, the API serves them on a miss.
    built.cdn = new DimancheCdn(this, 'Cdn', {
      api: api.api,
      reader: functions.api,
      writer: functions.render,
      domain: cdnDomain,
    });
    if (operations.emailIdentity.create) new SenderIdentity(this, 'SenderIdentity', operations.emailIdentity);
    // `npm run deploy` insists on operatorEmail (infra/deploy-plan.ts); a bare synth may leave it out.
    const alarms = new OperatorAlarms(this, 'OperatorAlarms', { email: delivery.operatorEmail });
    // Every function and dead-letter queue in the stack, wherever and whenever it is added.
    alarms.watchAll(this);

    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'CdnUrl', {
      value: built.cdn.publicUrl,
      description:
        'The public web through CloudFront (archive, feeds, sign-up); every other path passes through',
    });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'SecretArn', {
      value: secret.secretArn,
      description: 'Put {"webhookSecrets":["whsec_..."],"adminTokens":["..."]} here before first use',
    });
    new CfnOutput(this, 'OperatorTopicArn', {
      value: alarms.topic.topicArn,
      description: 'Every alarm notifies this topic; subscribe with -c operatorEmail=... or in the console',
    });

    const fns = this.addSundayDelivery({ config, delivery, table, secret, alarms });
    // The studio (admin function): the one address that may sign in, her language (its pages, the preview's
    // banner, the test mail), the Sunday hour it counts down to (the same cron as her mails name), and its
    // "send now", an asynchronous invoke of the dispatch (the unqualified ARN only).
    for (const name of ['AUTHOR_EMAIL', 'AUTHOR_LANGUAGE', 'SCHEDULE'] as const)
      functions.admin.addEnvironment(name, fns.mail[name] ?? '');
    functions.admin.addEnvironment('DISPATCH_FUNCTION_NAME', fns.dispatch.functionName);
    fns.dispatch.grantInvokeLatestVersion(functions.admin);
    // Issue 7: track links resolved and checked off the webhook's path, and the day-before check.
    const music = new MusicWorker(this, 'Music', {
      table,
      render: functions.render,
      environment: {
        ...fns.mail,
        // The eve reminder names each of these networks that will not post (issue 25).
        SOCIAL_NETWORKS: fns.socialSettings['SOCIAL_NETWORKS'] ?? '',
        PUBLIC_BASE_URL: config.publicBaseUrl,
        TIME_ZONE: config.timeZone,
        SERIES_NAME: config.seriesName,
      },
      sendRawEmail: fns.sendRawEmail,
      scheduleDay: delivery.scheduleDay,
      scheduleTime: delivery.scheduleTime,
      timeZone: config.timeZone,
      resolverRatePerMinute: delivery.resolverRatePerMinute,
    });
    // Issue 25: her connected accounts' tokens, sealed by one KMS key only the studio (connect), the social
    // worker (post) and the hourly refresh may use, and the operator's developer apps they sign in with.
    const accounts = new ConnectedAccounts(this, 'ConnectedAccounts', {
      table,
      publicBaseUrl: config.publicBaseUrl,
      mail: {
        environment: { ...fns.mail, TIME_ZONE: config.timeZone, SERIES_NAME: config.seriesName },
        sendRawEmail: fns.sendRawEmail,
      },
      legacyAccounts: fns.social.accounts,
    });
    accounts.grantUse(functions.admin);
    accounts.grantUse(fns.social.fn);
    new CfnOutput(this, 'SocialAppsSecretArn', {
      value: accounts.apps.secretArn,
      description: 'Put {"x":{"clientId":"…","clientSecret":"…"},…} here: see docs/social-apps.md',
    });
    // Issue 15: her blog without code. WordPress.com's webhook reaches the API; any feed is polled.
    const blog = readBlogConfig(this.node);
    if (blog.wordpressSite) functions.api.addEnvironment('WORDPRESS_SITE', blog.wordpressSite);
    if (blog.feedUrl) {
      new FeedPoller(this, 'FeedPoller', {
        table,
        render: functions.render,
        feedUrl: blog.feedUrl,
        environment: {
          ...fns.mail,
          PUBLIC_BASE_URL: config.publicBaseUrl,
          TIME_ZONE: config.timeZone,
          SERIES_NAME: config.seriesName,
        },
        sendRawEmail: fns.sendRawEmail,
      });
    }
    // Issue 23: the account's own health (SES sandbox, DNS, quotas, tokens), daily, for the studio and the eve.
    const reportAddress = delivery.operatorEmail ?? delivery.authorEmail;
    new DeliverabilityCheck(this, 'Deliverability', {
      table,
      secret,
      socialAccounts: fns.social.accounts,
      domain: operations.emailIdentity.domain,
      mailFromDomain: operations.emailIdentity.mailFromDomain,
      reportAddress,
      maxSenders: delivery.maxSenders,
      socialNetworks: readSocialConfig(this.node).networks,
      scheduleTime: delivery.scheduleTime,
      timeZone: config.timeZone,
    });
    new CfnOutput(this, 'DmarcRecord', {
      value: `_dmarc.${operations.emailIdentity.domain} TXT "v=DMARC1; p=none; rua=mailto:${reportAddress}"`,
      description:
        'The DMARC record to create (Gmail and Yahoo refuse bulk mail without one); tighten p= later',
    });
    new CfnOutput(this, 'MusicQueueUrl', {
      value: music.queue.queueUrl,
      description: 'Track resolutions and link checks; send {"kind":"check","reason":"eve"} to check now',
    });
  }

  /** Issue 3: schedule, dispatch, send queue and senders, SES events and the sender reputation alarms. */
  private addSundayDelivery(props: {
    config: DimancheConfig;
    delivery: DeliveryConfig;
    table: Table;
    secret: Secret;
    alarms: OperatorAlarms;
  }): DeliveryFunctions {
    const { config, delivery, table, secret, alarms } = props;
    const queues = new DeliveryQueues(this, 'DeliveryQueues', {
      senderTimeout: SENDER_TIMEOUT,
      socialTimeout: SOCIAL_TIMEOUT,
    });
    const emailEvents = new EmailEvents(this, 'EmailEvents');
    const fns = new DeliveryFunctions(this, 'Delivery', {
      table,
      secret,
      config,
      delivery,
      queues,
      emailEvents,
      social: readSocialConfig(this.node),
    });
    new SundaySchedule(this, 'SundaySchedule', {
      dispatch: fns.dispatch,
      day: delivery.scheduleDay,
      time: delivery.scheduleTime,
      timeZone: config.timeZone,
    });
    alarms.watchReputation(emailEvents.configurationSet.configurationSetName);
    Validations.of(fns.sesEventsDeadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "It is a dead-letter queue, for the SNS subscription of the SES events function: SNS names it in the subscription's redrive policy, which cdk-nag does not see.",
    });
    Validations.of(roleOf(fns.sender)).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'ses:GetSendQuota has no resource type in IAM: "*" is the only resource it can be granted on, and the statement grants that action alone.',
    });

    new CfnOutput(this, 'SendQueueUrl', { value: queues.send.queueUrl });
    new CfnOutput(this, 'SocialAccountsSecretArn', {
      value: fns.social.accounts.secretArn,
      description: 'Put the social accounts JSON here (README, "Social accounts"); {} posts nowhere',
    });
    new CfnOutput(this, 'ConfigurationSetName', {
      value: emailEvents.configurationSet.configurationSetName,
      description: 'SES configuration set every Sunday mail names (events go to the SES events function)',
    });
    return fns;
  }
}

/** `-c cdnCertificateArn=...`: an ACM certificate in us-east-1 (CloudFront's only region) for customDomain. */
const cdnDomainOf = (node: Construct['node'], domain: CustomDomain | undefined): CdnDomain | undefined => {
  const arn: unknown = node.tryGetContext('cdnCertificateArn');
  if (arn === undefined) return undefined;
  if (!domain) throw new Error('CDK context "cdnCertificateArn" needs customDomain');
  if (typeof arn !== 'string' || !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/.+$/.test(arn)) {
    throw new Error('CDK context "cdnCertificateArn" must be the ARN of an ACM certificate in us-east-1');
  }
  return { domainName: domain.domainName, certificateArn: arn };
};

/** The execution role of a function this stack built: always there, whatever IFunction allows. */
const roleOf = (fn: LambdaFunction): IRole => {
  if (!fn.role) throw new Error(`${fn.node.path} has no execution role`);
  return fn.role;
};
