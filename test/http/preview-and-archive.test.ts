import { beforeEach, describe, expect, it } from 'vitest';
import { examplePostBody } from '../builders/issue.ts';
import { signedPost } from '../support/signed-request.ts';
import { admin, BASE_URL, testApp } from '../support/test-app.ts';
import { activeContentIn, ownWebPageElement, XSS_CORPUS } from '../support/xss-corpus.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});

const publish = async (body: Record<string, unknown> = examplePostBody()) => {
  const response = await t.app.request('/webhooks/posts', signedPost(body));
  expect(response.status).toBeLessThan(300);
};

describe('the admin preview', () => {
  it('needs the admin bearer token', async () => {
    await publish();
    for (const headers of [{}, { authorization: 'Bearer wrong-token' }]) {
      const response = await t.app.request('/admin/issues/iss_34/preview', { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('shows the mail as a reader of the language asked for sees it, the issue’s own by default', async () => {
    await publish();
    const preview = async (query: string) => t.app.request(`/admin/issues/iss_34/preview${query}`, admin);
    expect(await (await preview('')).text()).toContain('<html lang="fr"');
    const english = await (await preview('?language=en')).text();
    expect(english).toContain('<html lang="en"');
    expect(english).toContain('Unsubscribe</a>');
    expect(await (await preview('?language=en&format=text')).text()).toContain('\nThe playlist\n');
    const refused = await preview('?language=de');
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('language');
  });

  it('answers 404 for an unknown or malformed issue id', async () => {
    for (const id of ['iss_99', 'iss_0', 'nope']) {
      const response = await t.app.request(`/admin/issues/${id}/preview`, admin);
      expect(response.status).toBe(404);
    }
  });
});

describe('the public web version', () => {
  it('is hidden before its Sunday and public from Sunday morning, Paris time', async () => {
    await publish();
    expect((await t.app.request('/archive/34-chambre-en-provence')).status).toBe(404);
    t.clock.set('2026-11-28T23:30:00Z'); // already Sunday 00:30 in Paris
    const page = await t.app.request('/archive/34-chambre-en-provence');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('«\u00a0Le TGV N° 7345 en direction d’Avignon gare TGV');
    expect(html).not.toContain('%%DIMANCHE_');
    expect(html).not.toContain('preview-sample-token');
  });

  it('redirects an old slug to the current one and 404s one that does not resolve', async () => {
    await publish();
    t.clock.set('2026-11-29T09:00:00Z');
    const moved = await t.app.request('/archive/34-ancien-titre');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`${BASE_URL}/archive/34-chambre-en-provence`);
    expect((await t.app.request('/archive/not-a-slug')).status).toBe(404);
    expect((await t.app.request('/archive/35-chambre-en-provence')).status).toBe(404);
  });
});

describe('an XSS corpus in the story and the title', () => {
  it('leaves nothing active in the email, its text part or the web page', async () => {
    const attack = XSS_CORPUS.join('\n');
    await publish({
      ...examplePostBody(),
      title: `Chambre ${XSS_CORPUS[0]} <img src=x onerror=alert(1)>`,
      story: `<p>Avant</p>${attack}<p>Après</p>`,
    });
    t.clock.set('2026-11-29T09:00:00Z');
    const email = await (await t.app.request('/admin/issues/iss_34/preview', admin)).text();
    const issue = await t.issues.get('iss_34');
    const web = await (await t.app.request(`/archive/${issue?.slug}`)).text();
    expect(activeContentIn(email)).toEqual([]);
    expect(activeContentIn(web, ownWebPageElement)).toEqual([]);
    for (const html of [email, web]) {
      expect(html).not.toContain('insecure.example');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'); // the title, shown as text
    }
  });
});
