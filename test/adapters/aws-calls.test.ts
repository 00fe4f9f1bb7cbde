import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../shared/domain/settings/parse-env.ts';
import { secretsExtensionSource } from '../../functions/lambda/load-secrets.ts';
import { signedAwsFetch } from '../../shared/adapters/aws/signed-fetch.ts';
import {
  lambdaRenderTrigger,
  RenderInvocationError,
} from '../../shared/adapters/render/lambda-render-trigger.ts';
import { type FakeServer, fakeServer, hasValidSigV4, json } from '../support/fake-aws.ts';

const credentials = {
  accessKeyId: 'AKIDLOCALTEST',
  secretAccessKey: 'local-secret-key',
  sessionToken: 'tok',
};
const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const serve = async (...args: Parameters<typeof fakeServer>) => {
  const server = await fakeServer(...args);
  servers.push(server);
  return server;
};
const triggerFor = (server: FakeServer) =>
  lambdaRenderTrigger({
    functionName: 'dimanche-render',
    call: signedAwsFetch({
      service: 'lambda',
      region: 'eu-west-3',
      endpoint: server.url,
      credentials: async () => credentials,
    }),
  });

describe('the render trigger on AWS (Lambda Invoke API)', () => {
  it('signs its call so that AWS would accept it, and a tampered body would not be', async () => {
    const lambda = await serve((_request, res) => json(res, 200, { rendered: true }));
    expect(await triggerFor(lambda).render('iss_34', 2)).toEqual({ rendered: true });
    const [request] = lambda.requests;
    if (!request) throw new Error('no request');
    expect(request.path).toBe('/2015-03-31/functions/dimanche-render/invocations');
    expect(request.headers['x-amz-invocation-type']).toBe('RequestResponse');
    const scope = { service: 'lambda', region: 'eu-west-3', ...credentials };
    expect(await hasValidSigV4(request, scope)).toBe(true);
    expect(await hasValidSigV4({ ...request, body: request.body.replace('2', '3') }, scope)).toBe(false);
  });

  it('fails with a named error when the render function throws', async () => {
    const lambda = await serve((_request, res) =>
      json(
        res,
        200,
        { errorType: 'EmailRenderError', errorMessage: 'mj-column invalid' },
        { 'x-amz-function-error': 'Unhandled' },
      ),
    );
    const failure = triggerFor(lambda).render('iss_34', 1);
    await expect(failure).rejects.toBeInstanceOf(RenderInvocationError);
    await expect(failure).rejects.toThrow(/Unhandled.*mj-column invalid/);
  });

  it('fails with a named error when Lambda refuses the call', async () => {
    const lambda = await serve((_request, res) => json(res, 403, { message: 'AccessDeniedException' }));
    await expect(triggerFor(lambda).render('iss_34', 1)).rejects.toThrow(/HTTP 403/);
  });
});

describe('secrets through the Parameters and Secrets extension', () => {
  const good = {
    SecretString: JSON.stringify({
      webhookSecrets: ['whsec_c2VjcmV0'],
      adminTokens: ['an-admin-token-of-24-chars!'],
      linkKeys: [{ id: 'k1', secret: 'a-link-key-of-at-least-32-characters' }],
      subscriberIdKey: 'a-subscriber-id-key-of-32-characters',
    }),
  };

  it('are read with the session token, cached, and read again once the cache has expired', async () => {
    let now = 0;
    const extension = await serve(
      (request, res) =>
        request.headers['x-aws-parameters-secrets-token'] === 'tok'
          ? json(res, 200, good)
          : json(res, 403, {}),
      'localhost',
    );
    const secrets = secretsExtensionSource({
      secretId: 'arn:secret',
      port: extension.port,
      sessionToken: 'tok',
      now: () => now,
    });
    expect((await secrets()).webhookSecrets).toEqual(['whsec_c2VjcmV0']);
    await secrets();
    expect(extension.requests).toHaveLength(1);
    expect(extension.requests[0]?.path).toBe('/secretsmanager/get?secretId=arn%3Asecret');
    now += 5 * 60_000 + 1;
    await secrets();
    expect(extension.requests).toHaveLength(2);
  });

  it('retry on the next request after a failed read instead of caching the failure', async () => {
    let calls = 0;
    const extension = await serve(
      (_request, res) => (++calls === 1 ? json(res, 500, { message: 'not ready' }) : json(res, 200, good)),
      'localhost',
    );
    const secrets = secretsExtensionSource({
      secretId: 'arn:secret',
      port: extension.port,
      sessionToken: 'tok',
    });
    await expect(secrets()).rejects.toThrow(/HTTP 500/);
    expect((await secrets()).adminTokens).toHaveLength(1);
  });

  it('refuse a secret of the wrong shape, naming the field', async () => {
    const extension = await serve(
      (_request, res) =>
        json(res, 200, { SecretString: JSON.stringify({ webhookSecrets: ['not-whsec'], adminTokens: [] }) }),
      'localhost',
    );
    const secrets = secretsExtensionSource({
      secretId: 'arn:secret',
      port: extension.port,
      sessionToken: 'tok',
    });
    const failure = secrets();
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toThrow(
      /webhookSecrets\.0: must start with whsec_.*adminTokens: needs at least one token/,
    );
  });
});
