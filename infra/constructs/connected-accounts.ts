import { Duration, RemovalPolicy, SecretValue, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { AccountRootPrincipal, PolicyDocument, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { keepAsyncFailures } from './async-failures.ts';
import { DimancheFunction } from './dimanche-function.ts';
import { InvokeLatest } from './invoke-latest.ts';
import { pinLogicalId } from './pin-logical-id.ts';
import { secretsExtension } from './secrets-extension.ts';
import { grantTable } from './table-grants.ts';

/** The refresh runs this often (shared/domain/settings/accounts-refresh.ts refreshes an hour and a half ahead). */
export const ACCOUNTS_REFRESH_RATE = Duration.hours(1);

/**
 * The encryption context every sealed token carries (shared/adapters/aws/kms-token-sealer.ts; a test holds the
 * two together): the key policy allows Encrypt and Decrypt under this context only.
 */
export const TOKEN_KEY_CONTEXT = { purpose: 'dimanche-connected-account' };

// What the account's administrators keep on the key, each action named (no wildcard): see it, disable it,
// schedule its deletion, rewrite this policy. Not Encrypt, Decrypt, ReEncrypt, GenerateDataKey nor CreateGrant:
// no IAM policy and no grant can open her tokens, only the statements `grantUse` adds.
const KEY_ADMIN_ACTIONS = [
  'kms:DescribeKey',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:ListKeyPolicies',
  'kms:ListKeyRotations',
  'kms:ListResourceTags',
  'kms:ListGrants',
  'kms:PutKeyPolicy',
  'kms:EnableKey',
  'kms:DisableKey',
  'kms:EnableKeyRotation',
  'kms:DisableKeyRotation',
  'kms:RotateKeyOnDemand',
  'kms:UpdateKeyDescription',
  'kms:CreateAlias',
  'kms:UpdateAlias',
  'kms:DeleteAlias',
  'kms:RevokeGrant',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
];

export interface ConnectedAccountsProps {
  readonly table: Table;
  /** Where the studio answers (her "Reconnecter" link). */
  readonly publicBaseUrl: string;
  /** Her one mail when a network must be reconnected: the mail settings and the right to send it. */
  readonly mail: { readonly environment: Record<string, string>; readonly sendRawEmail: PolicyStatement };
  /** The accounts document of a stack deployed before connected accounts: imported once, account by account. */
  readonly legacyAccounts: Secret;
}

/**
 * Issue 25: her connected accounts on AWS. The KMS key that seals their tokens, the operator's developer apps
 * (client ids and secrets per network), and the hourly refresh that keeps each token alive. The studio and the
 * social worker are given the same two with `grantUse`; no other function may open a token.
 */
export class ConnectedAccounts extends Construct {
  readonly key: Key;
  readonly apps: Secret;
  readonly refresh: NodejsFunction;
  private users = 0;

  constructor(
    scope: Construct,
    id: string,
    { table, publicBaseUrl, mail, legacyAccounts }: ConnectedAccountsProps,
  ) {
    super(scope, id);
    this.key = new Key(this, 'TokenKey', {
      description: 'Dimanche: seals the tokens of her connected accounts (studio, social worker, refresh)',
      enableKeyRotation: true,
      // Losing the key loses every connection: she would reconnect all her networks by hand.
      removalPolicy: RemovalPolicy.RETAIN,
      policy: new PolicyDocument({
        statements: [
          new PolicyStatement({
            sid: 'AccountAdministersTheKey',
            principals: [new AccountRootPrincipal()],
            actions: KEY_ADMIN_ACTIONS,
            resources: ['*'],
          }),
        ],
      }),
    });
    pinLogicalId(this.key, 'ConnectedAccountsTokenKey');

    this.apps = new Secret(this, 'Apps', {
      description:
        'Dimanche: the developer apps per network, {"x":{"clientId":"…","clientSecret":"…"},…}: see docs/social-apps.md',
      // Not a secret: no app, the shape parseOperatorApps reads. Never edit it: a deploy would write it back.
      secretStringValue: SecretValue.unsafePlainText('{}'),
      // The operator registered each app by hand at each network; a new secret would forget them all.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    pinLogicalId(this.apps, 'ConnectedAccountsApps');
    Validations.of(this.apps).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The networks issue these client secrets in their developer consoles: only the operator can roll them there, so no rotation Lambda can; she puts the new value here (docs/social-apps.md).',
    });

    this.refresh = new DimancheFunction(this, 'Refresh', {
      entry: 'functions/lambda/accounts-refresh.ts',
      description: 'Hourly: refreshes each connected account whose token would die before the next run',
      memorySize: 256,
      // A few token endpoints, each given ten seconds.
      timeout: Duration.seconds(90),
      paramsAndSecrets: secretsExtension(),
      environment: {
        ...mail.environment,
        TABLE_NAME: table.tableName,
        PUBLIC_BASE_URL: publicBaseUrl,
        SOCIAL_ACCOUNTS_SECRET_ARN: legacyAccounts.secretArn,
      },
    }).fn;
    // The accounts: read, listed, written conditionally on the version read (the refresh lease); the import's
    // once-only claims are conditional puts too.
    grantTable(table, this.refresh, ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    this.grantUse(this.refresh);
    this.refresh.addToRolePolicy(mail.sendRawEmail);
    legacyAccounts.grantRead(this.refresh);

    new Schedule(this, 'Schedule', {
      description: 'Dimanche: keeps her connected accounts’ tokens alive',
      schedule: ScheduleExpression.rate(ACCOUNTS_REFRESH_RATE),
      // A missed run is the next one's work (each run refreshes an hour and a half ahead): no retries.
      target: new InvokeLatest(this.refresh, { retryAttempts: 0, maxEventAge: Duration.minutes(50) }),
    });
    keepAsyncFailures(this, 'Failures', this.refresh, {
      maxEventAge: Duration.minutes(50),
      retryAttempts: 0,
    });
  }

  /**
   * The key, in the key's own policy (the function's role by name, Encrypt and Decrypt under the tokens' context
   * only), and the apps' secret, each with its ARN in the function's environment.
   */
  grantUse(fn: NodejsFunction): void {
    if (!fn.role) throw new Error(`${fn.node.path} has no execution role`);
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: `SealTokens${(this.users += 1)}`,
        principals: [fn.role],
        actions: ['kms:Encrypt', 'kms:Decrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: Object.fromEntries(
            Object.entries(TOKEN_KEY_CONTEXT).map(([name, value]) => [
              `kms:EncryptionContext:${name}`,
              value,
            ]),
          ),
        },
      }),
    );
    this.apps.grantRead(fn);
    fn.addEnvironment('TOKEN_KEY_ARN', this.key.keyArn);
    fn.addEnvironment('SOCIAL_APPS_SECRET_ARN', this.apps.secretArn);
  }
}
