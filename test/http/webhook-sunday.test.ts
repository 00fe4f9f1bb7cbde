import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { examplePostBody } from '../builders/issue.ts';
import { aWordpressPost } from '../builders/wordpress-post.ts';
import { signedPost } from '../support/signed-request.ts';
import { testApp } from '../support/test-app.ts';

type App = Awaited<ReturnType<typeof testApp>>;
let t: App;
beforeEach(async () => {
  t = await testApp(); // the clock: Tuesday 2026-11-24, 10:00 UTC
});

const post = async (body: unknown) => {
  const response = await t.app.request('/webhooks/posts', signedPost(body));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const issue35 = () =>
  JSON.parse(
    readFileSync(new URL('../../examples/sunday-morning-sound-35.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

describe('the Sunday of a post that names none', () => {
  it('is the coming Sunday for a new issue, and the one after for the next issue written ahead', async () => {
    expect((await post(examplePostBody())).body).toMatchObject({ id: 'iss_34', sunday: '2026-11-29' });
    expect((await post(issue35())).body).toMatchObject({ id: 'iss_35', sunday: '2026-12-06' });
  });

  it('stays the issue’s own on a revision posted days later', async () => {
    await post(examplePostBody());
    t.clock.set('2026-12-01T10:00:00Z');
    const revised = await post({ ...examplePostBody(), subtitle: 'Révisé' });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ outcome: 'revised', sunday: '2026-11-29' });
    expect(revised.body).not.toHaveProperty('sundayMoved');
  });

  it('is today on a Sunday morning, before the send', async () => {
    t.clock.set('2026-11-29T07:59:00Z'); // 08:59 in Paris
    expect((await post(examplePostBody())).body).toMatchObject({ sunday: '2026-11-29' });
  });
});

describe('a post for a long-past Sunday', () => {
  const longPast = { ...examplePostBody(), sunday: '2015-06-21' };

  it('is refused with 422 naming the date, and writes nothing', async () => {
    const refused = await post(longPast);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      type: 'https://dimanche.dev/problems/sunday-long-past',
      sunday: '2015-06-21',
      errors: [{ pointer: '/sunday', detail: '2015-06-21 is more than 7 days in the past' }],
    });
    expect(String(refused.body.detail)).toContain('import-archive');
    expect(await t.itemsOf('ISSUE#iss_34')).toEqual([]);
  });

  it('does not move an issue already planned back in time', async () => {
    await post(examplePostBody());
    expect((await post(longPast)).status).toBe(422);
    expect(await t.issues.get('iss_34')).toMatchObject({ sunday: '2026-11-29', revision: 1 });
  });

  it('names the WordPress date it came from', async () => {
    const refused = await post(aWordpressPost({ date_gmt: '2015-06-20T20:15:00' }));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ errors: [{ pointer: '/date' }], sunday: '2015-06-21' });
  });

  it('draws the line at a week: 7 days back is a late revision, 8 days back is refused', async () => {
    t.clock.set('2026-12-07T10:00:00Z'); // Monday: the 29th was 8 days ago, the 30th 7
    expect((await post({ ...examplePostBody(), sunday: '2026-11-29' })).status).toBe(422);
    t.clock.set('2026-12-06T10:00:00Z');
    expect((await post({ ...examplePostBody(), sunday: '2026-11-29' })).status).toBe(201);
  });

  it('gets the same answer a year later, the clock moved through its port', async () => {
    const body = { ...examplePostBody(), sunday: '2026-11-15' };
    expect((await post(body)).status).toBe(422);
    t.clock.set('2027-11-24T10:00:00Z');
    const later = await post(body);
    expect(later.status).toBe(422);
    expect(later.body).toMatchObject({ sunday: '2026-11-15', errors: [{ pointer: '/sunday' }] });
  });
});

describe('a revision that moves its issue to another Sunday', () => {
  it('is accepted and says so', async () => {
    await post(examplePostBody());
    const moved = await post({ ...examplePostBody(), sunday: '2026-12-06' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      outcome: 'revised',
      sunday: '2026-12-06',
      sundayMoved: {
        from: '2026-11-29',
        to: '2026-12-06',
        message: 'Sunday moved from 2026-11-29 to 2026-12-06.',
      },
    });
  });
});
