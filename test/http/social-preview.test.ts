import { beforeEach, describe, expect, it } from 'vitest';
import { SOCIAL_NETWORKS } from '../../shared/domain/social/networks.ts';
import { examplePostBody } from '../builders/issue.ts';
import { signedPost } from '../support/signed-request.ts';
import { admin, BASE_URL, testApp } from '../support/test-app.ts';

type Preview = {
  issueId: string;
  revision: number;
  networks: {
    network: string;
    enabled: boolean;
    text: string;
    length: { unit: string; count: number; limit: number };
    card: { url: string; title: string; description: string; thumbUrl?: string };
    facets?: { byteStart: number; byteEnd: number; uri: string }[];
  }[];
};

const URL = `${BASE_URL}/archive/34-chambre-en-provence`;
const TITLE = 'Online Sunday Morning Sound #34 — Chambre en Provence';

let t: Awaited<ReturnType<typeof testApp>>;
const start = async (env: Record<string, string> = {}, body: Record<string, unknown> = examplePostBody()) => {
  t = await testApp({
    SOCIAL_NETWORKS: 'mastodon, bluesky,x',
    SOCIAL_HASHTAGS: '#playlist #musique',
    ...env,
  });
  expect((await t.app.request('/webhooks/posts', signedPost(body))).status).toBe(201);
};
const preview = async () => {
  const response = await t.app.request('/admin/issues/iss_34/social', admin);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  return (await response.json()) as Preview;
};

describe('GET /admin/issues/:id/social', () => {
  beforeEach(async () => start());

  it('shows all six networks in order, the configured ones enabled, each within its own count', async () => {
    const body = await preview();
    expect(body).toMatchObject({ issueId: 'iss_34', revision: 1 });
    expect(body.networks.map((n) => n.network)).toEqual([...SOCIAL_NETWORKS]);
    expect(body.networks.map((n) => [n.network, n.enabled])).toEqual([
      ['mastodon', true],
      ['bluesky', true],
      ['x', true],
      ['linkedin', false],
      ['facebook', false],
      ['threads', false],
    ]);
    for (const post of body.networks) {
      expect(post.text).toBe(
        `${TITLE}\n\nNeuf mois intenses, une semaine dans le Gard et une playlist pour la Fête de la musique 😉\n\n${URL}\n\n#playlist #musique`,
      );
      expect(post.length.count).toBeLessThanOrEqual(post.length.limit);
      expect(post.card).toEqual({
        url: URL,
        title: TITLE,
        description:
          'Neuf mois intenses, une semaine dans le Gard et une playlist pour la Fête de la musique 😉',
        thumbUrl: 'https://images.example.org/oss-34/lavande.jpg',
      });
    }
    expect(body.networks.map((n) => [n.network, n.length.unit, n.length.limit])).toEqual([
      ['mastodon', 'graphemes', 500],
      ['bluesky', 'graphemes', 300],
      ['x', 'weighted', 280],
      ['linkedin', 'characters', 3000],
      ['facebook', 'characters', 63_206],
      ['threads', 'weighted', 500],
    ]);
  });

  it('gives Bluesky the facet of the address, in UTF-8 bytes, and no other network facets', async () => {
    const { networks } = await preview();
    const bluesky = networks.find((n) => n.network === 'bluesky');
    const start = Buffer.byteLength(bluesky?.text.slice(0, bluesky.text.indexOf(URL)) ?? '', 'utf8');
    expect(bluesky?.facets).toEqual([{ byteStart: start, byteEnd: start + URL.length, uri: URL }]);
    expect(networks.filter((n) => n.facets !== undefined).map((n) => n.network)).toEqual(['bluesky']);
  });

  it('needs the admin bearer token', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token' }]) {
      const response = await t.app.request('/admin/issues/iss_34/social', { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('answers 404 problem+json for an unknown or malformed issue id', async () => {
    for (const id of ['iss_99', 'iss_0', 'nope']) {
      const response = await t.app.request(`/admin/issues/${id}/social`, admin);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 404, detail: `There is no issue ${id}.` });
    }
  });
});

describe('the social preview with its configuration and the author’s texts', () => {
  it("uses the author's text for her network, the address added, and the instance's Mastodon limit", async () => {
    const socialText = { bluesky: 'Ma playlist du dimanche 🦋 pour la Fête de la musique' };
    await start({ MASTODON_MAX_CHARACTERS: '120' }, { ...examplePostBody(), socialText });
    const { networks } = await preview();
    const byNetwork = Object.fromEntries(networks.map((n) => [n.network, n]));
    expect(byNetwork.bluesky?.text).toBe(`${socialText.bluesky}\n\n${URL}`);
    expect(byNetwork.mastodon?.length).toMatchObject({ limit: 120 });
    // 53 + 2 + "Neuf mois intenses…" 19 + 2 + the address 23 + 2 + 18 = 119; one more word would make 124.
    expect(byNetwork.mastodon?.text).toBe(`${TITLE}\n\nNeuf mois intenses…\n\n${URL}\n\n#playlist #musique`);
    expect(byNetwork.mastodon?.length.count).toBe(119);
  });
});
