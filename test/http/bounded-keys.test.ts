import { readFileSync } from 'node:fs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { aSubscriber } from '../builders/subscriber.ts';
import { signedPost } from '../support/signed-request.ts';
import { admin, testApp } from '../support/test-app.ts';

type TestApp = Awaited<ReturnType<typeof testApp>>;
let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});

const post = JSON.parse(readFileSync('examples/sunday-morning-sound-34.json', 'utf8')) as Record<
  string,
  unknown
>;
const allItems = async () =>
  (await t.doc.send(new ScanCommand({ TableName: t.tableName, ConsistentRead: true }))).Items ?? [];
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('values that become part of a key', () => {
  it.each([
    ['3,000 characters', 'm'.repeat(3000)],
    ['257 characters', 'm'.repeat(257)],
    ['a space', 'msg 1'],
    ['a non-ASCII letter', 'msg_é'],
  ])(
    'a validly signed webhook whose webhook-id has %s gets 400 naming it and writes nothing',
    async (_, id) => {
      const before = await allItems();
      const response = await t.app.request('/webhooks/posts', signedPost(post, { id }));
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({
        type: 'https://dimanche.dev/problems/invalid-webhook-id',
        errors: [{ pointer: '/headers/webhook-id' }],
      });
      expect(await allItems()).toEqual(before);
    },
  );

  it('takes a webhook-id of 256 visible characters, and replays it', async () => {
    const id = `msg_${'~'.repeat(252)}`;
    const first = await t.app.request('/webhooks/posts', signedPost(post, { id }));
    expect(first.status).toBe(201);
    const again = await t.app.request('/webhooks/posts', signedPost(post, { id }));
    expect(again.headers.get('webhook-replayed')).toBe('true');
  });

  it.each([
    ['not base64url', '!!!'],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['longer than any key', 'A'.repeat(5000)],
    [
      'keys of another listing',
      cursorOf({ pk: 'SUBSCRIBER#sub_a', sk: 'SUBSCRIBER', gsi1pk: 'SUBSCRIBERS#pending', gsi1sk: 'sub_a' }),
    ],
    [
      'a 3,000-character key',
      cursorOf({
        pk: `SUBSCRIBER#sub_${'a'.repeat(3000)}`,
        sk: 'SUBSCRIBER',
        gsi1pk: 'SUBSCRIBERS#confirmed',
        gsi1sk: `sub_${'a'.repeat(3000)}`,
      }),
    ],
    [
      'an extra attribute',
      cursorOf({
        pk: 'SUBSCRIBER#sub_a',
        sk: 'SUBSCRIBER',
        gsi1pk: 'SUBSCRIBERS#confirmed',
        gsi1sk: 'sub_a',
        x: 1,
      }),
    ],
  ])('a subscriber list cursor that is %s gets 422 naming it', async (_, cursor) => {
    const response = await t.app.request(`/admin/subscribers?status=confirmed&cursor=${cursor}`, admin);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ errors: [{ pointer: '/cursor' }] });
  });

  it('pages through subscribers with the cursors it hands out', async () => {
    for (let i = 0; i < 3; i += 1) await t.subscribers.create(aSubscriber());
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const query = `/admin/subscribers?status=confirmed&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await t.app.request(query, admin);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: { id: string }[]; cursor?: string };
      seen.push(...page.items.map((s) => s.id));
      cursor = page.cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(3);
  });
});
