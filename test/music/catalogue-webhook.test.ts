import { describe, expect, it } from 'vitest';
import { parsePost } from '../../shared/domain/posts/parse-post.ts';
import { examplePostBody } from '../builders/issue.ts';
import { aWordpressPost } from '../builders/wordpress-post.ts';
import { signedPost } from '../support/signed-request.ts';
import { testApp } from '../support/test-app.ts';

const context = { now: new Date('2026-11-24T10:00:00Z'), timeZone: 'Europe/Paris' };

type Body = { tracks: Record<string, unknown>[] };
/** Issue #34 with an ISRC on its second track (Air, "La femme d’argent"). */
const withIsrc = (isrc: unknown): Body => {
  const body = examplePostBody() as Body;
  body.tracks[1] = { ...body.tracks[1], isrc };
  return body;
};

const tracksOf = (body: unknown) => {
  const parsed = parsePost(body, context);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.content.tracks;
};

describe('an ISRC in the webhook', () => {
  it.each([
    ['as printed, with hyphens', 'GB-AYE-98-00001'],
    ['in lower case', 'gbaye9800001'],
    ['with the ISRC label and spaces', ' ISRC GB-AYE-98-00001 '],
    ['compact', 'GBAYE9800001'],
  ])('is taken %s and stored as its 12 characters', (_case, isrc) => {
    const tracks = tracksOf(withIsrc(isrc));
    expect(tracks[1]?.isrc).toBe('GBAYE9800001');
    expect(tracks[0]).not.toHaveProperty('isrc');
  });

  it('keeps a code that starts with ISRC, as Icelandic ones may', () => {
    expect(tracksOf(withIsrc('ISRC10000001'))[1]?.isrc).toBe('ISRC10000001');
  });

  it('is carried from WordPress post meta', () => {
    const meta = {
      dimanche_series: 35,
      dimanche_tracks: [
        { artist: 'Air', title: 'Playground Love', url: 'https://x.example/pl', isrc: 'fr-z03-00-00123' },
      ],
    };
    expect(tracksOf(aWordpressPost({ meta }))[0]?.isrc).toBe('FRZ030000123');
  });

  it('is refused, naming the WordPress meta field, when malformed there', () => {
    const meta = {
      dimanche_series: 35,
      dimanche_tracks: [
        { artist: 'Air', title: 'Playground Love', url: 'https://x.example/pl', isrc: 'nope' },
      ],
    };
    const parsed = parsePost(aWordpressPost({ meta }), context);
    expect(parsed.ok ? [] : parsed.errors.map((e) => e.pointer)).toEqual(['/meta/dimanche_tracks/0/isrc']);
  });
});

describe('POST /webhooks/posts with an ISRC', () => {
  it('stores the track with its ISRC', async () => {
    const t = await testApp();
    const response = await t.app.request('/webhooks/posts', signedPost(withIsrc('gb-aye-98-00001')));
    expect(response.status).toBe(201);
    const meta = (await t.itemsOf('ISSUE#iss_34')).find((item) => item.sk === 'META');
    expect((meta?.tracks as { isrc?: string }[])[1]?.isrc).toBe('GBAYE9800001');
  });

  it.each([
    ['one character short', 'GB-AYE-98-0000'],
    ['a letter in the number', 'GB-AYE-98-0000I'],
    ['a digit in the country', '1B-AYE-98-00001'],
    ['other punctuation', 'GB.AYE.98.00001'],
    ['empty', ''],
    ['a number', 9800001],
  ])('refuses %s with 422 naming /tracks/1/isrc, and writes nothing', async (_case, isrc) => {
    const t = await testApp();
    const response = await t.app.request('/webhooks/posts', signedPost(withIsrc(isrc)));
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { errors: { pointer: string; detail: string }[] };
    expect(problem.errors).toEqual([{ pointer: '/tracks/1/isrc', detail: expect.stringMatching(/ISRC/) }]);
    expect(await t.itemsOf('ISSUE#iss_34')).toEqual([]);
  });
});
