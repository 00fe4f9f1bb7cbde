import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { examplePostBody } from '../builders/issue.ts';
import { sundayFromNow } from '../support/real-clock.ts';
import { httpApiEvent, lambdaContext } from '../support/api-gateway-event.ts';
import { type FakeServer, fakeServer, hasValidSigV4, json } from '../support/fake-aws.ts';
import {
  ADMIN_TOKEN,
  LINK_KEY,
  SUBSCRIBER_ID_KEY,
  signedPost,
  TEST_SECRET,
} from '../support/signed-request.ts';
import { fakeSqs, sqsCalls } from '../support/fake-sqs.ts';
import { freshTable } from '../support/tables.ts';
import { startFakeS3 } from '../support/fake-s3.ts';

const credentials = {
  accessKeyId: 'AKIDLOCALTEST',
  secretAccessKey: 'local-secret-key',
  sessionToken: 'local-session-token',
};
const REGION = 'eu-west-3';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-3:123456789012:secret:dimanche-AbCdEf';

type ApiHandler = (
  event: unknown,
  context: unknown,
) => Promise<{ statusCode: number; body: string; headers: Record<string, string> }>;
let api: ApiHandler;
let adminApi: ApiHandler;
let fakeLambda: FakeServer;
let fakeExtension: FakeServer;
let fakeQueue: Awaited<ReturnType<typeof fakeSqs>>;
let fakeBucket: Awaited<ReturnType<typeof startFakeS3>>;
let badSignatures = 0;

/**
 * The two Lambda handlers as AWS runs them, on this machine: DynamoDB is dynalite (through the SDK's standard
 * endpoint variable), the Parameters and Secrets extension and Lambda's Invoke API are stand-ins on loopback,
 * and the Invoke stand-in runs the real render handler, after checking the SigV4 signature.
 */
beforeAll(async () => {
  const { tableName } = await freshTable(inject('dynaliteUrl'));
  fakeQueue = await fakeSqs();
  fakeBucket = await startFakeS3();
  fakeExtension = await fakeServer((request, res) => {
    if (request.headers['x-aws-parameters-secrets-token'] !== credentials.sessionToken)
      return json(res, 403, { message: 'bad token' });
    const secretId = new URL(request.path, 'http://x').searchParams.get('secretId');
    if (secretId !== SECRET_ARN) return json(res, 400, { message: 'unknown secret' });
    json(res, 200, {
      ARN: SECRET_ARN,
      SecretString: JSON.stringify({
        webhookSecrets: [TEST_SECRET],
        adminTokens: [ADMIN_TOKEN],
        linkKeys: [LINK_KEY],
        subscriberIdKey: SUBSCRIBER_ID_KEY,
      }),
    });
  }, 'localhost');
  fakeLambda = await fakeServer(async (request, res) => {
    if (!(await hasValidSigV4(request, { service: 'lambda', region: REGION, ...credentials }))) {
      badSignatures += 1;
      return json(res, 403, { message: 'The request signature we calculated does not match' });
    }
    const { handler: render } = await import('../../functions/lambda/render.ts');
    json(res, 200, await render(JSON.parse(request.body)));
  });
  const env = {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken,
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynaliteUrl'),
    AWS_ENDPOINT_URL_LAMBDA: fakeLambda.url,
    PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(fakeExtension.port),
    TABLE_NAME: tableName,
    RENDER_FUNCTION_NAME: 'dimanche-render',
    MUSIC_QUEUE_URL: fakeQueue.queueUrl('dimanche-music'),
    // Issue 26: the bucket of built pages (path-style at the stand-in) and the CDN's invalidation queue.
    PUBLIC_OBJECTS_BUCKET: 'dimanche-public',
    AWS_ENDPOINT_URL_S3: fakeBucket.url,
    CDN_INVALIDATION_QUEUE_URL: fakeQueue.queueUrl('dimanche-cdn'),
    SECRETS_ARN: SECRET_ARN,
    PUBLIC_BASE_URL: 'https://newsletter.example.com',
    POSTAL_ADDRESS: '12 rue des Lilas, 75011 Paris',
    SENDER_ADDRESS: 'sunday@newsletter.example.com',
    SENDER_NAME: 'Online Sunday Morning Sound',
    LOG_LEVEL: 'silent',
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  ({ handler: api } = (await import('../../functions/lambda/api.ts')) as unknown as { handler: ApiHandler });
  ({ handler: adminApi } = (await import('../../functions/lambda/admin.ts')) as unknown as {
    handler: ApiHandler;
  });
}, 60_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([fakeLambda?.close(), fakeExtension?.close(), fakeQueue?.close(), fakeBucket?.close()]);
});

describe('the API, admin and render functions as deployed', () => {
  it('keep the admin routes out of the public function', async () => {
    const response = await api(
      httpApiEvent({
        method: 'GET',
        path: '/admin/issues/iss_34/preview',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      }),
      lambdaContext,
    );
    expect(response.statusCode).toBe(404);
  });

  it('leave her blog’s webhooks out of the public function: the admin one takes them', async () => {
    const delivery = signedPost({ ...examplePostBody(), sunday: sundayFromNow(1) });
    const refused = await api(
      httpApiEvent({
        method: 'POST',
        path: '/webhooks/posts',
        headers: delivery.headers,
        body: delivery.body as string,
      }),
      lambdaContext,
    );
    expect(refused.statusCode).toBe(404);
    expect(fakeLambda.requests).toHaveLength(0);
  });

  it('take a signed post through API Gateway, render it in the render function, and preview it', async () => {
    // The handler reads the real clock: a Sunday a week after the coming one is still ahead on any day.
    const delivery = signedPost({ ...examplePostBody(), sunday: sundayFromNow(1) });
    const accepted = await adminApi(
      httpApiEvent({
        method: 'POST',
        path: '/webhooks/posts',
        headers: delivery.headers,
        body: delivery.body as string,
      }),
      lambdaContext,
    );
    expect(accepted.statusCode).toBe(201);
    expect(JSON.parse(accepted.body)).toMatchObject({ id: 'iss_34', status: 'rendered', revision: 1 });
    expect(fakeLambda.requests).toHaveLength(1);
    expect(JSON.parse(fakeLambda.requests[0]?.body ?? '{}')).toEqual({ issueId: 'iss_34', revision: 1 });
    expect(badSignatures).toBe(0);
    // The render step queued the new revision's tracks for the music worker, and its first link check.
    const music = sqsCalls(fakeQueue).filter(
      (call) => call.body.QueueUrl === fakeQueue.queueUrl('dimanche-music'),
    );
    const queued = music.map((call) => JSON.parse(String(call.body.MessageBody)) as unknown);
    const { tracks } = examplePostBody() as { tracks: { url: string }[] };
    const urls = new Set(tracks.map((track) => track.url));
    expect(queued).toEqual([
      ...[...urls].map((url) => ({ kind: 'resolve', issueId: 'iss_34', url })),
      { kind: 'check', issueId: 'iss_34', reason: 'ingest' },
    ]);
    // Issue 26: the page, the list and the feeds built into the bucket, and their paths told to the CDN.
    expect([...fakeBucket.objects.keys()].sort()).toEqual(
      expect.arrayContaining(['/dimanche-public/archive/index', '/dimanche-public/archive/issues/34']),
    );
    const cdn = sqsCalls(fakeQueue).filter(
      (call) => call.body.QueueUrl === fakeQueue.queueUrl('dimanche-cdn'),
    );
    expect(cdn.map((call) => JSON.parse(String(call.body.MessageBody)) as unknown)).toEqual([
      { paths: expect.arrayContaining(['/archive/34-chambre-en-provence', '/archive/34', '/archive']) },
    ]);

    const preview = await adminApi(
      httpApiEvent({
        method: 'GET',
        path: '/admin/issues/iss_34/preview',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      }),
      lambdaContext,
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('La Javanaise');
    expect(preview.body).toContain('«\u00a0Le TGV N° 7345 en direction d’Avignon');
  });

  it('read the secret once through the extension, not on every request', async () => {
    // The admin function read it once already, for the webhook (the preview after it read none).
    const before = fakeExtension.requests.length;
    expect(before).toBe(1);
    for (let i = 0; i < 3; i += 1) {
      const response = await adminApi(
        httpApiEvent({
          method: 'GET',
          path: '/admin/issues/iss_34/preview',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        }),
        lambdaContext,
      );
      expect(response.statusCode).toBe(200);
    }
    expect(fakeExtension.requests).toHaveLength(before);
  });

  it('serve a public page without reading the secret at all', async () => {
    const before = fakeExtension.requests.length;
    const response = await api(
      httpApiEvent({ method: 'GET', path: '/archive/34-chambre-en-provence' }),
      lambdaContext,
    );
    expect(response.statusCode).toBe(404); // its Sunday has not come yet, though its page is built
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(fakeExtension.requests.length).toBe(before);
  });

  it('serve the built list from the bucket, with its ETag, and 304 for a current copy', async () => {
    const list = await api(httpApiEvent({ method: 'GET', path: '/archive' }), lambdaContext);
    expect(list.statusCode).toBe(200);
    const built = fakeBucket.objects.get('/dimanche-public/archive/index');
    expect(list.headers.etag).toBe(built?.headers['x-amz-meta-etag']);
    expect(list.body).toBe(built?.body.toString('utf8'));
    const again = await api(
      httpApiEvent({
        method: 'GET',
        path: '/archive',
        headers: { 'if-none-match': list.headers.etag ?? '' },
      }),
      lambdaContext,
    );
    expect(again.statusCode).toBe(304);
  });
});
