import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import { type SocialFakes, startSocialFakes } from '../../infra/local/social/start-social-fakes.ts';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { dynamoIssueStore } from '../../shared/adapters/dynamodb/issue-store.ts';
import { dynamoSocialStore } from '../../shared/adapters/dynamodb/social-store.ts';
import type { SocialStore } from '../../shared/ports/social-store.ts';
import { anIssue } from '../builders/issue.ts';
import { type FakeServer, fakeServer, json } from '../support/fake-aws.ts';
import { fakeSqs, sqsCalls as callsOf } from '../support/fake-sqs.ts';
import { freshTable } from '../support/tables.ts';
import { realNow } from '../support/real-clock.ts';

const REGION = 'eu-west-3';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-3:123456789012:secret:dimanche-social-AbCdEf';
const SESSION_TOKEN = 'local-session-token';

type SqsRecord = { messageId: string; receiptHandle: string; body: string };
type Handler = (event: {
  Records: SqsRecord[];
}) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

let handler: Handler;
let fakes: SocialFakes;
let extension: FakeServer;
let sqs: FakeServer;
let social: SocialStore;
// On the SQS stand-in: the SQS client sends each call to its queue URL's host.
let QUEUE_URL = '';

const sqsCalls = () => callsOf(sqs);

/**
 * The social worker's Lambda handler as AWS runs it: DynamoDB is dynalite, the accounts secret comes through a
 * stand-in of the Parameters and Secrets extension, SQS is a stand-in recording the calls, the networks are
 * the local fakes (X and Mastodon enabled).
 */
beforeAll(async () => {
  const { doc, tableName } = await freshTable(inject('dynaliteUrl'));
  const issues = dynamoIssueStore(doc, tableName);
  await issues.saveRevision(anIssue({ status: 'sending' }), undefined);
  await issues.saveRevision(
    anIssue({ series: 35, title: 'Online Sunday Morning Sound #35', sunday: '2026-12-06' }),
    undefined,
  );
  social = dynamoSocialStore(
    createDocumentClient({ endpoint: inject('dynaliteUrl'), region: REGION }),
    tableName,
  );
  fakes = await startSocialFakes();
  extension = await fakeServer((request, res) => {
    if (request.headers['x-aws-parameters-secrets-token'] !== SESSION_TOKEN) return json(res, 403, {});
    const secretId = new URL(request.path, 'http://x').searchParams.get('secretId');
    if (secretId !== SECRET_ARN) return json(res, 400, { message: 'unknown secret' });
    json(res, 200, { ARN: SECRET_ARN, SecretString: JSON.stringify(fakes.accounts) });
  }, 'localhost');
  const fake = await fakeSqs();
  sqs = fake;
  QUEUE_URL = fake.queueUrl('dimanche-social');
  const env = {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST',
    AWS_SECRET_ACCESS_KEY: 'local-secret-key',
    AWS_SESSION_TOKEN: SESSION_TOKEN,
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynaliteUrl'),
    AWS_ENDPOINT_URL_SES: inject('sesUrl'),
    PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(extension.port),
    TABLE_NAME: tableName,
    PUBLIC_BASE_URL: 'https://newsletter.example.com',
    SOCIAL_QUEUE_URL: QUEUE_URL,
    SOCIAL_ACCOUNTS_SECRET_ARN: SECRET_ARN,
    SOCIAL_NETWORKS: 'x,mastodon',
    SOCIAL_HASHTAGS: 'playlist',
    AUTHOR_EMAIL: 'autrice@lambda-social.example',
    LOG_LEVEL: 'silent',
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  ({ handler } = (await import('../../functions/lambda/social.ts')) as unknown as { handler: Handler });
}, 60_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([fakes?.close(), extension?.close(), sqs?.close()]);
});

const record = (messageId: string, body: unknown): SqsRecord => ({
  messageId,
  receiptHandle: `rh-${messageId}`,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('the social worker function as deployed', () => {
  it('publishes each message once and fails only the malformed record of a batch', async () => {
    const result = await handler({
      Records: [
        record('1', { issueId: 'iss_34', network: 'x' }),
        record('2', '{not json'),
        record('3', { issueId: 'iss_34', network: 'myspace' }),
        record('4', { issueId: 'iss_34', network: 'mastodon' }),
      ],
    });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '2' }, { itemIdentifier: '3' }]);
    expect(await fakeControl(fakes.urls.x).posts()).toHaveLength(1);
    expect(await fakeControl(fakes.urls.mastodon).posts()).toHaveLength(1);
    expect((await social.get('iss_34', 'x'))?.postUrl).toMatch(
      /^https:\/\/x\.com\/dimanche_fm\/status\/\d+$/,
    );
    // The same message again: no call, nothing failed.
    expect(await handler({ Records: [record('5', { issueId: 'iss_34', network: 'x' })] })).toEqual({
      batchItemFailures: [],
    });
    expect(await fakeControl(fakes.urls.x).posts()).toHaveLength(1);
  });

  it('skips a network that is not enabled, and fails the record of an unknown issue (on to the DLQ)', async () => {
    const result = await handler({
      Records: [
        record('6', { issueId: 'iss_34', network: 'threads' }),
        record('7', { issueId: 'iss_999', network: 'x' }),
      ],
    });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '7' }]);
    expect((await social.get('iss_34', 'threads'))?.state).toBe('skipped');
  });

  it('puts a post waiting for a rate limit back as a delayed message, and leaves a leased one invisible', async () => {
    await social.save({
      issueId: 'iss_35',
      network: 'x',
      state: 'waiting',
      attempts: 1,
      version: 1,
      updatedAt: realNow().toISOString(),
      notBefore: new Date(realNow().getTime() + 120_000).toISOString(),
    });
    sqs.requests.length = 0;
    const waiting = await handler({ Records: [record('8', { issueId: 'iss_35', network: 'x' })] });
    expect(waiting.batchItemFailures).toEqual([]);
    const [requeue] = sqsCalls();
    expect(requeue?.action).toBe('AmazonSQS.SendMessage');
    expect(requeue?.body).toMatchObject({
      QueueUrl: QUEUE_URL,
      MessageBody: JSON.stringify({ issueId: 'iss_35', network: 'x' }),
    });
    expect(requeue?.body.DelaySeconds).toBeGreaterThanOrEqual(119);

    await social.save({
      issueId: 'iss_35',
      network: 'mastodon',
      state: 'calling',
      attempts: 1,
      version: 1,
      updatedAt: realNow().toISOString(),
      leaseUntil: new Date(realNow().getTime() + 60_000).toISOString(),
    });
    sqs.requests.length = 0;
    // Another instance holds the call's lease: this delivery comes back once the lease has run out.
    const leased = await handler({ Records: [record('9', { issueId: 'iss_35', network: 'mastodon' })] });
    expect(leased.batchItemFailures).toEqual([{ itemIdentifier: '9' }]);
    const [visibility] = sqsCalls();
    expect(visibility?.action).toBe('AmazonSQS.ChangeMessageVisibility');
    expect(visibility?.body).toMatchObject({ QueueUrl: QUEUE_URL, ReceiptHandle: 'rh-9' });
    expect(visibility?.body.VisibilityTimeout).toBeGreaterThanOrEqual(59);
    expect(await fakeControl(fakes.urls.x).posts()).toHaveLength(1);
  });
});
