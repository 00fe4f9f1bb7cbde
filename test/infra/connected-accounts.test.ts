import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS_REFRESH_RATE, TOKEN_KEY_CONTEXT } from '../../infra/constructs/connected-accounts.ts';
import { KMS_TOKEN_CONTEXT } from '../../shared/adapters/aws/kms-token-sealer.ts';
import {
  ACCOUNTS_REFRESH_AHEAD_MS,
  ACCOUNTS_REFRESH_EVERY_MS,
  loadAccountsRefreshEnv,
} from '../../shared/domain/settings/accounts-refresh.ts';
import { parseOperatorApps } from '../../shared/domain/settings/operator-apps.ts';
import { policyStatements } from './iam.ts';
import { type Resource, logicalIdIn, propsIn, resourceAt, roleIn, synthTemplate } from './template.ts';
import { resourcesOf } from './walks.ts';

type KeyStatement = {
  Sid?: string;
  Effect: string;
  Principal: { AWS: unknown };
  Action: string | string[];
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
};

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const CRYPTO = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey'];

// The three functions that open her tokens: "Connecter" in the studio, the social worker, the hourly refresh.
const USERS = [
  'Functions/Admin/Function',
  'Delivery/Social/Function/Function',
  'ConnectedAccounts/Refresh/Function',
];

let template: Template;
let keyId: string;
let key: Resource;
let statements: KeyStatement[];
const roleArn = (fnPath: string) => ({ 'Fn::GetAtt': [roleIn(template, fnPath), 'Arn'] });
const envOf = (fnPath: string) =>
  (propsIn(template, fnPath).Environment as { Variables: Record<string, unknown> }).Variables;

beforeAll(() => {
  template = synthTemplate();
  [keyId, key] = resourceAt(template, 'ConnectedAccounts/TokenKey');
  statements = (key.Properties.KeyPolicy as { Statement: KeyStatement[] }).Statement;
});

describe('the key that seals her connected accounts’ tokens', () => {
  it('is a customer-managed symmetric key, rotated yearly, kept when the stack goes (losing it loses every connection)', () => {
    expect(keyId).toBe('ConnectedAccountsTokenKey');
    expect(key.Properties).toMatchObject({ EnableKeyRotation: true });
    expect(key.Properties.KeySpec ?? 'SYMMETRIC_DEFAULT').toBe('SYMMETRIC_DEFAULT');
    const raw = template.toJSON().Resources[keyId] as { DeletionPolicy: string; UpdateReplacePolicy: string };
    expect([raw.DeletionPolicy, raw.UpdateReplacePolicy]).toEqual(['Retain', 'Retain']);
  });

  it('names no wildcard principal, and gives the account its administration but none of its cryptography', () => {
    for (const statement of statements) {
      expect(JSON.stringify(statement.Principal), statement.Sid).not.toMatch(/"\*"/);
      expect(statement.Effect).toBe('Allow');
      for (const action of list(statement.Action)) expect(action, statement.Sid).not.toContain('*');
    }
    const admin = statements.filter((s) => JSON.stringify(s.Principal).includes(':root'));
    expect(admin).toHaveLength(1);
    const adminActions = list(admin[0]?.Action ?? []);
    // She can still be recovered from: the account may rewrite the policy and disable or delete the key.
    expect(adminActions).toEqual(
      expect.arrayContaining(['kms:PutKeyPolicy', 'kms:DisableKey', 'kms:ScheduleKeyDeletion']),
    );
    for (const action of [...CRYPTO, 'kms:CreateGrant']) expect(adminActions).not.toContain(action);
  });

  it('lets exactly the studio, the social worker and the refresh Encrypt and Decrypt, under the tokens’ context only', () => {
    const users = statements.filter((s) => list(s.Action).some((a) => CRYPTO.includes(a)));
    expect(users.map((s) => s.Principal.AWS)).toEqual(expect.arrayContaining(USERS.map(roleArn)));
    expect(users).toHaveLength(USERS.length);
    for (const statement of users) {
      expect(list(statement.Action).sort()).toEqual(['kms:Decrypt', 'kms:Encrypt']);
      expect(statement.Condition).toEqual({
        StringEquals: { 'kms:EncryptionContext:purpose': 'dimanche-connected-account' },
      });
    }
    // The sealer binds the same context the policy asks for: a change to one without the other locks her out.
    expect(TOKEN_KEY_CONTEXT).toEqual(KMS_TOKEN_CONTEXT);
  });

  it('is granted by no IAM policy: its own policy is the one list of who may open a token', () => {
    const onKey = policyStatements(template).filter(({ statement }) =>
      list(statement.Action).some((action) => action.startsWith('kms:')),
    );
    expect(onKey.map(({ policy, statement }) => `${policy}: ${String(statement.Action)}`)).toEqual([]);
  });
});

describe('the operator’s developer apps', () => {
  it('are a secret created holding {}, which the runtime reads as no app, kept when the stack goes', () => {
    const [id, secret] = resourceAt(template, 'ConnectedAccounts/Apps');
    expect(id).toBe('ConnectedAccountsApps');
    expect(parseOperatorApps('the template', String(secret.Properties.SecretString))).toEqual({});
    expect((template.toJSON().Resources[id] as { DeletionPolicy: string }).DeletionPolicy).toBe('Retain');
  });

  it('are readable by the same three functions and no other', () => {
    const readers = policyStatements(template)
      .filter(({ statement }) =>
        list(statement.Resource as unknown).some(
          (resource) => JSON.stringify(resource) === JSON.stringify({ Ref: 'ConnectedAccountsApps' }),
        ),
      )
      .flatMap(({ roles }) => roles);
    expect(readers).toEqual(expect.arrayContaining(USERS.map((path) => ({ Ref: roleIn(template, path) }))));
    expect(readers).toHaveLength(USERS.length);
  });
});

describe('the three functions', () => {
  it('are given the key’s ARN and the apps’ secret, and no other function is', () => {
    const withKey = resourcesOf(template, 'AWS::Lambda::Function')
      .filter(([, fn]) => JSON.stringify(fn.Properties.Environment ?? {}).includes('TOKEN_KEY_ARN'))
      .map(([id]) => id);
    expect(withKey.sort()).toEqual(USERS.map((path) => logicalIdIn(template, path)).sort());
    for (const path of USERS)
      expect(envOf(path), path).toMatchObject({
        TOKEN_KEY_ARN: { 'Fn::GetAtt': [keyId, 'Arn'] },
        SOCIAL_APPS_SECRET_ARN: { Ref: 'ConnectedAccountsApps' },
      });
  });

  it('start the refresh with what its settings loader asks for', () => {
    const variables = Object.fromEntries(
      Object.entries(envOf('ConnectedAccounts/Refresh/Function')).map(([name, value]) => [
        name,
        typeof value === 'string' ? value : `placeholder-${name}`,
      ]),
    );
    const env = loadAccountsRefreshEnv({
      ...variables,
      PUBLIC_BASE_URL: 'https://dimanche.example.org',
      AWS_REGION: 'eu-west-3',
      AWS_SESSION_TOKEN: 'placeholder',
    });
    expect(env.TOKEN_KEY_ARN).toBe('placeholder-TOKEN_KEY_ARN');
  });

  it('let the refresh read and conditionally write the accounts on the table, mail her, nothing more', () => {
    const role = roleIn(template, 'ConnectedAccounts/Refresh/Function');
    const actions = policyStatements(template)
      .filter(({ roles }) => JSON.stringify(roles).includes(role))
      .flatMap(({ statement }) => list(statement.Action));
    expect([...new Set(actions)].sort()).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
      // Her one mail when a network must be reconnected.
      'ses:SendRawEmail',
      'sqs:SendMessage',
    ]);
  });
});

describe('the refresh schedule', () => {
  it('runs the refresh every hour, without retries, and each run looks further ahead than the next one', () => {
    const schedule = propsIn(template, 'ConnectedAccounts/Schedule') as {
      ScheduleExpression: string;
      State: string;
      Target: { Arn: unknown; RetryPolicy: { MaximumRetryAttempts: number } };
    };
    expect(schedule.ScheduleExpression).toBe('rate(1 hour)');
    expect(schedule.Target.Arn).toEqual({
      'Fn::GetAtt': [logicalIdIn(template, 'ConnectedAccounts/Refresh/Function'), 'Arn'],
    });
    expect(schedule.Target.RetryPolicy.MaximumRetryAttempts).toBe(0);
    expect(ACCOUNTS_REFRESH_RATE.toMilliseconds()).toBe(ACCOUNTS_REFRESH_EVERY_MS);
    expect(ACCOUNTS_REFRESH_AHEAD_MS).toBeGreaterThan(ACCOUNTS_REFRESH_EVERY_MS);
  });
});
