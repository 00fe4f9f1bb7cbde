import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { keepAsyncFailures } from './async-failures.ts';
import { DimancheFunction } from './dimanche-function.ts';
import { InvokeLatest } from './invoke-latest.ts';
import { secretsExtension } from './secrets-extension.ts';
import { grantTable } from './table-grants.ts';

/**
 * What the stack may run at once on a Sunday morning: the senders, one social worker a network, two music
 * workers, and one each for the API, the click redirect and the SES events. A new account's quota is 10
 * (docs/deploy.md, "What you need"); shared/domain/settings/concurrency-needed.ts counts the same way.
 */
export const concurrencyNeeded = (maxSenders: number): number => maxSenders + 6 + 2 + 3;

export interface DeliverabilityCheckProps {
  readonly table: Table;
  readonly secret: Secret;
  readonly socialAccounts: Secret;
  readonly domain: string;
  readonly mailFromDomain: string;
  /** Where the suggested DMARC record sends its reports. */
  readonly reportAddress: string;
  readonly maxSenders: number;
  readonly socialNetworks: string;
  /** The Sunday run's time and zone: the job runs every day an hour before it, so the eve check quotes it fresh. */
  readonly scheduleTime: string;
  readonly timeZone: string;
}

/** `npm run doctor`'s checks, daily from inside the account, kept for the studio and the eve reminder. */
export class DeliverabilityCheck extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: DeliverabilityCheckProps) {
    super(scope, id);
    const { table, secret, socialAccounts } = props;
    this.fn = new DimancheFunction(this, 'Function', {
      entry: 'functions/lambda/deliverability.ts',
      description:
        'Daily: checks SES (sandbox, identity, quota), DNS (DKIM, MAIL FROM, DMARC), quotas and tokens',
      memorySize: 256,
      timeout: Duration.seconds(60),
      paramsAndSecrets: secretsExtension(),
      environment: {
        TABLE_NAME: table.tableName,
        SENDER_DOMAIN: props.domain,
        MAIL_FROM_DOMAIN: props.mailFromDomain,
        DMARC_REPORTS: props.reportAddress,
        CONCURRENCY_NEEDED: String(concurrencyNeeded(props.maxSenders)),
        SOCIAL_NETWORKS: props.socialNetworks,
        SECRETS_ARN: secret.secretArn,
        SOCIAL_ACCOUNTS_SECRET_ARN: socialAccounts.secretArn,
      },
    }).fn;
    // The audience (subscribers by status) and the one report item.
    grantTable(table, this.fn, ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    secret.grantRead(this.fn);
    socialAccounts.grantRead(this.fn);
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:GetEmailIdentity'],
        resources: [
          Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: props.domain }),
        ],
      }),
    );
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:GetAccount', 'ses:ListEmailIdentities', 'lambda:GetAccountSettings'],
        resources: ['*'],
      }),
    );
    Validations.of(this.fn.role as IRole).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'ses:GetAccount, ses:ListEmailIdentities and lambda:GetAccountSettings have no resource type in IAM: "*" is the only resource they can be granted on, and the statement grants those three reads alone.',
    });

    const [hour = 9, minute = 0] = props.scheduleTime.split(':').map(Number);
    new Schedule(this, 'Schedule', {
      description: 'Dimanche: daily deliverability check, an hour before the Sunday run’s time',
      schedule: ScheduleExpression.cron({
        minute: String(minute),
        hour: String((hour + 23) % 24),
        timeZone: TimeZone.of(props.timeZone),
      }),
      // A missed day is the next day's work; the studio shows when the report was made.
      target: new InvokeLatest(this.fn, { retryAttempts: 0, maxEventAge: Duration.hours(1) }),
    });
    keepAsyncFailures(this, 'Failures', this.fn, { maxEventAge: Duration.hours(1), retryAttempts: 0 });
  }
}
