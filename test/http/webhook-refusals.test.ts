import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dynamoWebhookReceipts } from '../../shared/adapters/dynamodb/webhook-receipts.ts';
import { examplePostBody } from '../builders/issue.ts';
import { signedPost } from '../support/signed-request.ts';
import { testApp } from '../support/test-app.ts';
import { realNow } from '../support/real-clock.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp({ MAX_WEBHOOK_BYTES: String(64 * 1024) });
});

const post = (init: RequestInit) => t.app.request('/webhooks/posts', init);
const nothingWritten = async () => {
  expect(await t.itemsOf('ISSUE#iss_34')).toEqual([]);
};
const problemOf = async (response: Response, status: number) => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return (await response.json()) as { status: number; detail: string; errors?: { pointer: string }[] };
};

describe('a webhook delivery that is not from the author', () => {
  it.each([
    [
      'a tampered body',
      () => ({
        ...signedPost(examplePostBody()),
        body: JSON.stringify({ ...examplePostBody(), title: 'Piraté' }),
      }),
    ],
    [
      'a timestamp 301 s old',
      () => signedPost(examplePostBody(), { timestamp: new Date(realNow().getTime() - 301_000) }),
    ],
    [
      'a timestamp 301 s ahead',
      () => signedPost(examplePostBody(), { timestamp: new Date(realNow().getTime() + 301_000) }),
    ],
    [
      'a wrong secret',
      () => signedPost(examplePostBody(), { secret: 'whsec_d3Jvbmcgc2VjcmV0IGZvciB0aGlzIHRlc3Q=' }),
    ],
  ])('is refused with 401 for %s, and nothing is written', async (_case, delivery) => {
    // The verifier reads the wall clock in whole seconds: freeze it, or a slow machine turns 301 s into 300.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const problem = await problemOf(await post(delivery()), 401);
      expect(problem.detail).toMatch(/signature|timestamp/i);
    } finally {
      vi.useRealTimers();
    }
    await nothingWritten();
  });

  it('names the missing signature header', async () => {
    const delivery = signedPost(examplePostBody());
    const { 'webhook-signature': _dropped, ...headers } = delivery.headers;
    const response = await post({ ...delivery, headers });
    expect((await problemOf(response, 401)).detail).toContain('webhook-signature');
    expect(response.headers.get('www-authenticate')).toBeTruthy();
    await nothingWritten();
  });

  it('accepts a timestamp 299 s old', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const response = await post(
        signedPost(examplePostBody(), { timestamp: new Date(realNow().getTime() - 299_000) }),
      );
      expect(response.status).toBe(201);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a webhook body the API cannot take', () => {
  const oversized = () => ({ ...examplePostBody(), story: `<p>${'é'.repeat(40 * 1024)}</p>` });

  it('is refused with 413 when its Content-Length is over the limit, before the signature is read', async () => {
    const problem = await problemOf(await post(signedPost(oversized())), 413);
    expect(problem.detail).toContain(String(64 * 1024));
    await nothingWritten();
  });

  it('is refused with 413 when it streams past the limit with no Content-Length, and the handler never runs', async () => {
    const delivery = signedPost(oversized());
    const bytes = new TextEncoder().encode(delivery.body as string);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
        controller.close();
      },
    });
    const request = new Request('http://localhost/webhooks/posts', {
      ...delivery,
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(request.headers.get('content-length')).toBeNull();
    await problemOf(await t.app.request(request), 413);
    await nothingWritten();
    // The delivery was never claimed: the same id, once small enough, goes through.
    const retry = signedPost(examplePostBody(), { id: delivery.webhookId });
    expect((await post(retry)).status).toBe(201);
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['']])(
    'is refused with 415 for Content-Type "%s"',
    async (type) => {
      const delivery = signedPost(examplePostBody(), { contentType: type });
      if (!type) delete delivery.headers['content-type'];
      const response = await post({ ...delivery, body: new TextEncoder().encode(delivery.body as string) });
      expect((await problemOf(response, 415)).detail).toContain('application/json');
      await nothingWritten();
    },
  );

  it('is refused with 422 naming each invalid field, and nothing is written', async () => {
    const body = {
      ...examplePostBody(),
      title: 'Chambre\r\nBcc: x@example.org',
      tracks: [{ artist: 'A', title: 'T', url: 'javascript:alert(1)' }],
    };
    const problem = await problemOf(await post(signedPost(body)), 422);
    expect(problem.errors?.map((e) => e.pointer).sort()).toEqual(['/title', '/tracks/0/url']);
    expect(problem.detail).toContain('/tracks/0/url');
    await nothingWritten();
  });

  it('is refused with 400 when the signed body is not JSON', async () => {
    await problemOf(await post(signedPost('{"series": 34,')), 400);
    await nothingWritten();
  });

  it('is told to retry later while the same delivery is still being processed', async () => {
    const delivery = signedPost(examplePostBody());
    const receipts = dynamoWebhookReceipts(t.doc, t.tableName);
    await receipts.claim(delivery.webhookId, t.clock.now(), 60_000);
    const response = await post(delivery);
    await problemOf(response, 409);
    expect(response.headers.get('retry-after')).toBe('60');
    await nothingWritten();
  });
});
