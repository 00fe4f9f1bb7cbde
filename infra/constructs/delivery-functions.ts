import { Duration, Stack } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { senderEnvironment, senderNodeFlags } from '../bundling/runtime-flags.ts';
import { secretsExtension } from './secrets-extension.ts';
import {
  type DeliveryConfig,
  type DimancheConfig,
  domainOf,
  type SocialConfig,
  socialEnvironment,
  WEEK_DAYS,
} from '../config.ts';
import { SocialWorker } from './social-worker.ts';
import { keepAsyncFailures } from './async-failures.ts';
import { deadLetterQueue } from './dead-letter-queue.ts';
import type { DeliveryQueues } from './delivery-queues.ts';
import { DimancheFunction } from './dimanche-function.ts';
import type { EmailEvents } from './email-events.ts';
import { grantTable } from './table-grants.ts';

/** The send queue's visibility timeout is derived from it (delivery-queues.ts). */
export const SENDER_TIMEOUT = Duration.seconds(120);

// Exactly the calls each function's adapters make; grantReadWriteData would add Scan, Batch* and more.
const dispatchTableActions = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:Query',
];
const senderTableActions = [...dispatchTableActions, 'dynamodb:DeleteItem'];
const sesEventsTableActions = dispatchTableActions;

export interface DeliveryFunctionsProps {
  readonly table: Table;
  readonly secret: Secret;
  readonly config: DimancheConfig;
  readonly delivery: DeliveryConfig;
  readonly queues: DeliveryQueues;
  readonly emailEvents: EmailEvents;
  readonly social: SocialConfig;
}

/** Issue 3's three Lambdas (dispatch, sender, SES events), their settings, triggers and grants. */
export class DeliveryFunctions extends Construct {
  readonly dispatch: NodejsFunction;
  readonly sender: NodejsFunction;
  readonly sesEvents: NodejsFunction;
  readonly social: SocialWorker;
  /** Events SNS could not deliver to the SES events function, after its own retries. */
  readonly sesEventsDeadLetters: Queue;
  /** Scheduler's and SNS's invocations are asynchronous: what Lambda's retries could not handle waits here. */
  readonly dispatchFailures: Queue;
  readonly sesEventsFailures: Queue;
  /** What a function that mails the author needs: the sender's settings and the SES grant. */
  readonly mail: Record<string, string>;
  readonly sendRawEmail: PolicyStatement;
  /** The networks each issue is announced on and how (SOCIAL_NETWORKS…): the eve reminder names the silent ones. */
  readonly socialSettings: Record<string, string>;

  constructor(scope: Construct, id: string, props: DeliveryFunctionsProps) {
    super(scope, id);
    const { table, secret, config, delivery, queues, emailEvents, social } = props;
    // Dispatch queues one message a network, the sender's report waits for each, the worker composes.
    const socialSettings = (this.socialSettings = socialEnvironment(social, config));
    const mail = (this.mail = {
      SENDER_ADDRESS: config.senderAddress,
      SENDER_NAME: delivery.senderName,
      SES_CONFIGURATION_SET: emailEvents.configurationSet.configurationSetName,
      AUTHOR_EMAIL: delivery.authorEmail,
      // Her mails: their language, the zone of their dates, the hour the eve's reminder names.
      AUTHOR_LANGUAGE: delivery.authorLanguage,
      TIME_ZONE: config.timeZone,
      SCHEDULE: `${Number(delivery.scheduleTime.slice(3))} ${Number(delivery.scheduleTime.slice(0, 2))} * * ${WEEK_DAYS.indexOf(delivery.scheduleDay)}`,
    });
    // SendRawEmail is authorised on the From identity (the verified domain) and on the configuration set.
    const sendRawEmail = (this.sendRawEmail = new PolicyStatement({
      actions: ['ses:SendRawEmail'],
      resources: [
        Stack.of(this).formatArn({
          service: 'ses',
          resource: 'identity',
          resourceName: domainOf(config.senderAddress),
        }),
        emailEvents.configurationSetArn,
      ],
    }));

    this.dispatch = new DimancheFunction(this, 'Dispatch', {
      entry: 'functions/lambda/dispatch.ts',
      description:
        "Sunday run: freezes the audience and enqueues send batches and social posts (the scheduler's target)",
      memorySize: 512,
      // Pages through the whole audience in one invocation, checkpointed so a timeout resumes where it stopped.
      timeout: Duration.minutes(15),
      environment: {
        ...mail,
        TABLE_NAME: table.tableName,
        SEND_QUEUE_URL: queues.send.queueUrl,
        SOCIAL_QUEUE_URL: queues.social.queueUrl,
        PUBLIC_BASE_URL: config.publicBaseUrl,
        TIME_ZONE: config.timeZone,
        SEND_DEADLINE: delivery.sendDeadline,
        ...socialSettings,
      },
    }).fn;
    grantTable(table, this.dispatch, dispatchTableActions);
    // An hour, as Scheduler's own retries: a run that still fails after that is for a person, and dispatch
    // itself refuses to start after sendDeadline.
    this.dispatchFailures = keepAsyncFailures(this, 'DispatchFailures', this.dispatch, {
      maxEventAge: Duration.hours(1),
    });
    // SendMessage alone (it covers SendMessageBatch): grantSendMessages would add GetQueueAttributes and GetQueueUrl.
    queues.send.grant(this.dispatch, 'sqs:SendMessage');
    queues.social.grant(this.dispatch, 'sqs:SendMessage');
    // Author notices (expired issue, campaign report) go through SES with the same identity.
    this.dispatch.addToRolePolicy(sendRawEmail);

    this.sender = new DimancheFunction(this, 'Sender', {
      entry: 'functions/lambda/sender.ts',
      description: 'Sends one batch of the Sunday issue through SES, one ledger claim per recipient',
      memorySize: 512,
      timeout: SENDER_TIMEOUT,
      // Link-signing keys for the unsubscribe URLs, as the API reads them (see functions.ts).
      paramsAndSecrets: secretsExtension(),
      environment: {
        ...mail,
        TABLE_NAME: table.tableName,
        ...senderEnvironment,
        NODE_OPTIONS: `--enable-source-maps ${senderNodeFlags.join(' ')}`,
        SEND_QUEUE_URL: queues.send.queueUrl,
        PUBLIC_BASE_URL: config.publicBaseUrl,
        LIST_ID: delivery.listId,
        // The same number as the event source's maximum concurrency below: each sender paces itself at
        // SES's max send rate / MAX_SENDERS, so all of them together never exceed it.
        MAX_SENDERS: String(delivery.maxSenders),
        SECRETS_ARN: secret.secretArn,
        ...socialSettings,
      },
    }).fn;
    this.sender.addEventSource(
      new SqsEventSource(queues.send, {
        // One batch message (≤ 50 recipients) per invocation: a failure retries that batch only.
        batchSize: 1,
        reportBatchItemFailures: true,
        // A cap on the poller, not reserved concurrency: reserved concurrency would throttle invocations,
        // which counts receives and pushes healthy batches to the DLQ.
        maxConcurrency: delivery.maxSenders,
      }),
    );
    grantTable(table, this.sender, senderTableActions);
    this.sender.addToRolePolicy(sendRawEmail);
    // GetSendQuota has no resource type in IAM: '*' is the only resource it can be granted on.
    this.sender.addToRolePolicy(new PolicyStatement({ actions: ['ses:GetSendQuota'], resources: ['*'] }));
    // Backing off: the sender delays a batch's next delivery. The event source's grant includes this action
    // today; granting it here keeps the sender working if that grant ever narrows.
    queues.send.grant(this.sender, 'sqs:ChangeMessageVisibility');
    // A paused campaign's batch goes back as a new delayed message (see functions/lambda/sender.ts).
    queues.send.grant(this.sender, 'sqs:SendMessage');
    secret.grantRead(this.sender);

    this.social = new SocialWorker(this, 'Social', {
      table,
      queue: queues.social,
      environment: { ...mail, ...socialSettings, PUBLIC_BASE_URL: config.publicBaseUrl },
      sendRawEmail,
    });

    this.sesEvents = new DimancheFunction(this, 'SesEvents', {
      entry: 'functions/lambda/ses-events.ts',
      description: 'SES events: suppresses on hard bounces and complaints, counts soft bounces',
      memorySize: 256,
      timeout: Duration.seconds(30),
      // The subscriber id key: to find the reader of a mail that carries no subscriber tag.
      paramsAndSecrets: secretsExtension(),
      environment: { TABLE_NAME: table.tableName, SECRETS_ARN: secret.secretArn },
    }).fn;
    grantTable(table, this.sesEvents, sesEventsTableActions);
    secret.grantRead(this.sesEvents);
    this.sesEventsDeadLetters = deadLetterQueue(this, 'SesEventsDeadLetters');
    // A lost complaint would mean mailing someone who asked us to stop: undeliverable events are kept.
    emailEvents.topic.addSubscription(
      new LambdaSubscription(this.sesEvents, { deadLetterQueue: this.sesEventsDeadLetters }),
    );
    // SNS's DLQ only holds what never reached Lambda; an event the function threw on three times lands here.
    // Six hours, Lambda's maximum: a throttled or failing table gets the whole morning before anyone acts.
    this.sesEventsFailures = keepAsyncFailures(this, 'SesEventsFailures', this.sesEvents, {
      maxEventAge: Duration.hours(6),
    });
  }
}
