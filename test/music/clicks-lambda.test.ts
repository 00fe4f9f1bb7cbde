import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { loadAwsRedirectConfig } from '../../shared/domain/settings/redirect.ts';
import { dynamoClickStore } from '../../shared/adapters/dynamodb/click-store.ts';
import { clickLink } from '../../shared/domain/music/click-link.ts';
import type { ClickStore } from '../../shared/ports/click-store.ts';
import { httpApiEvent, lambdaContext } from '../support/api-gateway-event.ts';
import { freshTable } from '../support/tables.ts';

type Handler = (
  event: unknown,
  context: unknown,
) => Promise<{ statusCode: number; body: string; headers: Record<string, string> }>;

const LINK = clickLink({
  issueId: 'iss_34',
  position: 15,
  platform: 'spotify',
  target: 'https://open.spotify.com/track/5tbpN7m4jMq1XqaW3ARRBF',
});

let handler: Handler;
let clicks: ClickStore;

/** The redirect function as AWS runs it: an HTTP API event in, DynamoDB (dynalite) through the SDK's endpoint variable. */
beforeAll(async () => {
  const { doc, tableName } = await freshTable(inject('dynaliteUrl'));
  clicks = dynamoClickStore(doc, tableName);
  await clicks.register([LINK]);
  const env = {
    AWS_REGION: 'eu-west-3',
    AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST',
    AWS_SECRET_ACCESS_KEY: 'local-secret-key',
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynaliteUrl'),
    TABLE_NAME: tableName,
    LOG_LEVEL: 'silent',
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  ({ handler } = (await import('../../functions/lambda/redirect.ts')) as unknown as { handler: Handler });
});

afterAll(() => vi.unstubAllEnvs());

describe('the redirect function as deployed', () => {
  it('redirects /r/:id to the stored target and counts the click', async () => {
    const response = await handler(httpApiEvent({ method: 'GET', path: `/r/${LINK.id}` }), lambdaContext);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(LINK.target);
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(await clicks.countsFor('iss_34')).toEqual([
      { issueId: 'iss_34', position: 15, platform: 'spotify', clicks: 1 },
    ]);
  });

  it('answers 404 problem+json to an unknown id and to any other path', async () => {
    for (const path of ['/r/AAAAAAAAAAAAAAAAAAAAAA', '/r/nope', `/${LINK.id}`, '/health']) {
      const response = await handler(httpApiEvent({ method: 'GET', path }), lambdaContext);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(response.headers.location).toBeUndefined();
    }
  });
});

describe('the redirect function configuration', () => {
  it('needs only the region and the table, and names what is missing', () => {
    expect(loadAwsRedirectConfig({ AWS_REGION: 'eu-west-3', TABLE_NAME: 't' })).toEqual({
      AWS_REGION: 'eu-west-3',
      TABLE_NAME: 't',
      LOG_LEVEL: 'info',
    });
    expect(() => loadAwsRedirectConfig({ AWS_REGION: 'eu-west-3' })).toThrow(/TABLE_NAME is required/);
    expect(() => loadAwsRedirectConfig({ TABLE_NAME: 't', LOG_LEVEL: 'debug' })).toThrow(
      /AWS_REGION is required.*LOG_LEVEL must be info, warn, error or silent/,
    );
  });
});
