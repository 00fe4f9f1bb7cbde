import { describe, expect, it } from 'vitest';
import type { Logger } from '../../shared/ports/logger.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { admin } from '../support/test-app.ts';
import { studioApp } from './studio-support.ts';

type Logged = { message: string; fields: Record<string, unknown> };

const recording = () => {
  const logged: Logged[] = [];
  const log = (message: string, fields: Record<string, unknown> = {}) =>
    void logged.push({ message, fields });
  const logger: Logger = { info: log, warn: log, error: log };
  return { logger, logged };
};

/** A studio answer is a French page in the studio layout, never problem+json. */
const expectStudioPage = async (answer: Response, status: number) => {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await answer.text();
  expect(html).toContain('<html lang="fr">');
  expect(html).toContain('href="/studio/assets/studio.css"');
  return html;
};

describe('studio errors, as pages she can act on', () => {
  it('403: a form without its token has expired, nothing was done, reload the page', async () => {
    const t = await studioApp();
    const { cookie } = await t.signIn();
    const reader = aSubscriber();
    await t.subscribers.create(reader);
    const answer = await t.app.request(
      `/studio/subscribers/${reader.id}/erase`,
      t.form({ _csrf: 'stale' }, cookie),
    );
    const html = await expectStudioPage(answer, 403);
    expect(html).toContain('Ce formulaire a expiré');
    expect(html).toContain('Rechargez la page');
    expect((await t.subscribers.get(reader.id))?.status).toBe('confirmed');
  });

  it('404: an unknown address, an unknown reader, an unknown issue', async () => {
    const t = await studioApp();
    const { cookie } = await t.signIn();
    for (const path of ['/studio/nowhere', '/studio/subscribers/sub_nobody', '/studio/issues/999']) {
      const html = await expectStudioPage(await t.app.request(path, { headers: { cookie } }), 404);
      expect(html, path).toMatch(/Page introuvable/);
      expect(html, path).toContain('action="/studio/sign-out"'); // still signed in, the navigation there
    }
  });

  it('422: says what to fix, line by line', async () => {
    const t = await studioApp();
    const { cookie, csrf } = await t.signIn();
    const reader = aSubscriber();
    await t.subscribers.create(reader);
    const answer = await t.app.request(
      `/studio/subscribers/${reader.id}`,
      t.form({ _csrf: csrf, name: 'Chloé', language: 'xx' }, cookie),
    );
    const html = await expectStudioPage(answer, 422);
    expect(html).toContain('Quelque chose est à corriger');
    expect(html).toContain('<li>Langue : choisissez Français ou Anglais.</li>');
  });

  it('500: a reference to quote, logged with the error', async () => {
    const { logger, logged } = recording();
    const t = await studioApp({ logger });
    const { cookie } = await t.signIn();
    // A record broken by hand (a consent date that is not a date): formatting it throws, as a bug would.
    const broken = aSubscriber({ consent: { at: 'not a date', source: 'form', textVersion: 'v1' } });
    await t.subscribers.create(broken);
    const html = await expectStudioPage(
      await t.app.request(`/studio/subscribers/${broken.id}`, { headers: { cookie } }),
      500,
    );
    const reference = /<code class="reference">([A-Z2-9]{8})<\/code>/.exec(html)?.[1];
    expect(reference).toBeDefined();
    expect(html).toContain(reference);
    expect(logged.filter((l) => l.message === 'studio error').map((l) => l.fields.reference)).toEqual([
      reference,
    ]);
  });

  it('leaves the admin API on problem+json', async () => {
    const t = await studioApp();
    const answer = await t.app.request('/admin/subscribers/sub_nobody', admin);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
