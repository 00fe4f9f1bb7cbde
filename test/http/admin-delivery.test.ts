import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { dynamoCampaignStore } from '../../shared/adapters/dynamodb/campaign-store.ts';
import { dynamoSocialStore } from '../../shared/adapters/dynamodb/social-store.ts';
import { examplePostBody } from '../builders/issue.ts';
import { storedMailTo } from '../support/delivery-setup.ts';
import { signedPost } from '../support/signed-request.ts';
import { admin, testApp } from '../support/test-app.ts';
import { realNow } from '../support/real-clock.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
  expect((await t.app.request('/webhooks/posts', signedPost(examplePostBody()))).status).toBe(201);
});

const testSend = (to: unknown, id = 'iss_34', headers: Record<string, string> = admin.headers) =>
  t.app.request(`/admin/issues/${id}/test-send`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ to }),
  });

describe('a test send', () => {
  it('mails the exact issue to the address given, subject marked [TEST], outside any campaign', async () => {
    const domain = `test-${randomUUID().slice(0, 8)}.example`;
    const response = await testSend(`autrice@${domain}`);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ sent: true, revision: 1, to: `autrice@${domain}` });
    const [mail, ...others] = await storedMailTo(domain);
    expect(others).toEqual([]);
    expect(mail?.subject).toBe('[TEST] Online Sunday Morning Sound #34 — Chambre en Provence');
    expect(mail?.body.html).toContain('«\u00a0Le TGV N° 7345 en direction d’Avignon');
    expect(mail?.body.html).toContain('/u/preview-sample-token');
    expect((await t.app.request('/admin/campaigns/cmp_34', admin)).status).toBe(404);
  });

  it.each([[''], ['not an address'], [42], [undefined]])('refuses %j, naming /to', async (to) => {
    const response = await testSend(to);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: unknown }).errors).toEqual([
      { pointer: '/to', detail: 'must be an email address' },
    ]);
  });

  it('answers 404 for an unknown issue and 401 without the admin token', async () => {
    expect((await testSend('a@b.example', 'iss_99')).status).toBe(404);
    expect((await testSend('a@b.example', 'iss_34', {})).status).toBe(401);
  });
});

describe('GET /admin/campaigns/:id', () => {
  it('shows a campaign with its counts from the ledger', async () => {
    const campaigns = dynamoCampaignStore(t.doc, t.tableName);
    await campaigns.create({
      id: 'cmp_34',
      issueId: 'iss_34',
      revision: 1,
      status: 'sending',
      startedAt: '2026-11-29T08:00:00.000Z',
      batches: 1,
      audience: 3,
      dispatched: true,
    });
    const claim = await campaigns.claim('cmp_34', 'sub_a', realNow().getTime(), 60_000);
    if (claim.claimed)
      await campaigns.settle(
        'cmp_34',
        'sub_a',
        claim.token,
        { state: 'sent', messageId: 'm1' },
        '2026-11-29T08:00:01.000Z',
      );
    const social = dynamoSocialStore(t.doc, t.tableName);
    const attempt = {
      issueId: 'iss_34' as const,
      attempts: 1,
      version: 1,
      updatedAt: '2026-11-29T08:00:02.000Z',
    };
    await social.save({
      ...attempt,
      network: 'bluesky',
      state: 'published',
      postUrl: 'https://bsky.app/profile/d/post/3l',
    });
    await social.save({ ...attempt, network: 'mastodon', state: 'needs_reconnect', detail: '401 revoked' });
    const response = await t.app.request('/admin/campaigns/cmp_34', admin);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { social: unknown };
    expect(body).toMatchObject({
      id: 'cmp_34',
      status: 'sending',
      counts: { audience: 3, sent: 1, pending: 2 },
    });
    expect(body.social).toEqual([
      {
        network: 'bluesky',
        state: 'published',
        postUrl: 'https://bsky.app/profile/d/post/3l',
        attempts: 1,
        updatedAt: attempt.updatedAt,
      },
      {
        network: 'mastodon',
        state: 'needs_reconnect',
        detail: '401 revoked',
        attempts: 1,
        updatedAt: attempt.updatedAt,
      },
    ]);
    expect((await t.app.request('/admin/campaigns/cmp_35', admin)).status).toBe(404);
    expect((await t.app.request('/admin/campaigns/../../x', admin)).status).toBe(404);
  });
});
