import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientIp, EDGE_TOKEN_HEADER, VIEWER_IP_HEADER } from '../../functions/http/client-ip.ts';

const TOKEN = '6f1e2d3c-aaaa-bbbb-cccc-0123456789ab';
// As on Lambda: API Gateway's source address is CloudFront's edge server.
const app = new Hono().get('/', (c) => c.text(clientIp(c, TOKEN) ?? 'unknown'));
const fromEdge = { event: { requestContext: { http: { sourceIp: '130.176.0.1' } } } };
const ipOf = async (headers: Record<string, string>) =>
  (await app.request('/', { headers }, fromEdge)).text();

describe('the reader’s address behind the CDN', () => {
  it('is the one CloudFront saw, when the request carries the token only CloudFront adds', async () => {
    expect(await ipOf({ [EDGE_TOKEN_HEADER]: TOKEN, [VIEWER_IP_HEADER]: '2001:db8::7' })).toBe('2001:db8::7');
  });

  it('is the runtime’s own when the token is missing or wrong: a client cannot pick its address', async () => {
    expect(await ipOf({ [VIEWER_IP_HEADER]: '203.0.113.9' })).toBe('130.176.0.1');
    expect(await ipOf({ [EDGE_TOKEN_HEADER]: 'guess', [VIEWER_IP_HEADER]: '203.0.113.9' })).toBe(
      '130.176.0.1',
    );
    const noToken = new Hono().get('/', (c) => c.text(clientIp(c) ?? 'unknown'));
    const direct = await noToken.request(
      '/',
      { headers: { [EDGE_TOKEN_HEADER]: '', [VIEWER_IP_HEADER]: '203.0.113.9' } },
      fromEdge,
    );
    expect(await direct.text()).toBe('130.176.0.1');
  });
});
