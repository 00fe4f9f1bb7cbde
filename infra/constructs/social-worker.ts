import { Duration, RemovalPolicy, SecretValue, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SOCIAL_NETWORK_NAMES } from '../config.ts';
import { DimancheFunction } from './dimanche-function.ts';
import { pinLogicalId } from './pin-logical-id.ts';
import { secretsExtension } from './secrets-extension.ts';
import { grantTable } from './table-grants.ts';

/** The social queue's visibility timeout is derived from it (delivery-queues.ts). */
export const SOCIAL_TIMEOUT = Duration.seconds(60);

// The worker's stores: its attempts and blocks, the issue, and the campaign it may report (finish-campaign).
const socialTableActions = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'];

export interface SocialWorkerProps {
  readonly table: Table;
  readonly queue: Queue;
  /** The settings the dispatch, the sender and the preview share (SOCIAL_NETWORKS, hashtags, limits). */
  readonly environment: Record<string, string>;
  readonly sendRawEmail: PolicyStatement;
}

/**
 * Issue 5: one invocation per (issue, network) message, so a slow or failing network delays no other; the
 * accounts' tokens in a secret of their own, which the author replaces when a network asks to reconnect.
 */
export class SocialWorker extends Construct {
  readonly fn: NodejsFunction;
  readonly accounts: Secret;

  constructor(scope: Construct, id: string, { table, queue, environment, sendRawEmail }: SocialWorkerProps) {
    super(scope, id);
    this.accounts = new Secret(this, 'Accounts', {
      description:
        'Dimanche: social accounts (mastodon, bluesky, x, linkedin, facebook, threads): see README "Social accounts"',
      // Not a secret: no account, the shape the worker reads. Never edit it: a deploy would write it back.
      secretStringValue: SecretValue.unsafePlainText('{}'),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The author's tokens: a new secret would post nowhere until she reconnected all six networks.
    pinLogicalId(this.accounts, 'DeliverySocialAccounts3FDADB7B');
    Validations.of(this.accounts).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The networks issue these tokens (OAuth grants, app passwords): only the author can renew them at each network, so no rotation Lambda can; the worker tells her when a token is refused or past its expiry.',
    });

    this.fn = new DimancheFunction(this, 'Function', {
      entry: 'functions/lambda/social.ts',
      description:
        'Announces an issue on one social network, at most once (one message per issue and network)',
      memorySize: 256,
      timeout: SOCIAL_TIMEOUT,
      paramsAndSecrets: secretsExtension(),
      environment: {
        ...environment,
        TABLE_NAME: table.tableName,
        SOCIAL_QUEUE_URL: queue.queueUrl,
        SOCIAL_ACCOUNTS_SECRET_ARN: this.accounts.secretArn,
      },
    }).fn;
    this.fn.addEventSource(
      new SqsEventSource(queue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        maxConcurrency: SOCIAL_NETWORK_NAMES.length,
      }),
    );
    grantTable(table, this.fn, socialTableActions);
    this.accounts.grantRead(this.fn);
    // A post waiting for a rate limit's reset goes back as a new delayed message; an unknown outcome waits.
    queue.grant(this.fn, 'sqs:SendMessage', 'sqs:ChangeMessageVisibility');
    // Notices to the author (an account to reconnect, a post to check) and the campaign report.
    this.fn.addToRolePolicy(sendRawEmail);
  }
}
