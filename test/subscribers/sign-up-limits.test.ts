import { beforeEach, describe, expect, it } from 'vitest';
import { mailsTo } from '../support/mail-store.ts';
import { testApp } from '../support/test-app.ts';
import { signUpJson, type TestApp, uniqueAddress } from './support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});

const retryAfterOf = (response: Response) => Number(response.headers.get('retry-after'));

describe('sign-up rate limits, kept in the table so every instance shares them', () => {
  it('lets one IP sign up 20 addresses per ten minutes and answers the rest of 1,000 with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    const refused: Response[] = [];
    for (let batch = 0; batch < 50; batch += 1) {
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => signUpJson(t, { email: uniqueAddress('flood') }, '192.0.2.66')),
      );
      for (const response of responses) {
        statuses.push(response.status);
        if (response.status === 429) refused.push(response);
      }
      t.clock.set(new Date(t.clock.now().getTime() + 1_000).toISOString());
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(20);
    expect(refused).toHaveLength(980);
    const last = refused.at(-1) as Response;
    expect(last.headers.get('content-type')).toContain('application/problem+json');
    expect(await last.json()).toMatchObject({
      status: 429,
      type: 'https://dimanche.dev/problems/too-many-requests',
    });
    expect(retryAfterOf(last)).toBeGreaterThan(0);
    expect(retryAfterOf(last)).toBeLessThanOrEqual(600 - 49);
    expect((await signUpJson(t, { email: uniqueAddress() }, '192.0.2.67')).status).toBe(202);
    t.clock.set('2026-11-24T10:10:00Z');
    expect((await signUpJson(t, { email: uniqueAddress() }, '192.0.2.66')).status).toBe(202);
  }, 120_000);

  it('sends at most one confirmation per address per ten minutes, however often it is entered', async () => {
    const address = uniqueAddress('bombed');
    const responses = [];
    for (let i = 0; i < 20; i += 1) {
      responses.push(await signUpJson(t, { email: address }, `192.0.2.${i + 1}`));
      t.clock.set(new Date(t.clock.now().getTime() + 20_000).toISOString());
    }
    expect(responses.map((r) => r.status)).toEqual([202, ...Array<number>(19).fill(429)]);
    expect(retryAfterOf(responses[19] as Response)).toBe(600 - 19 * 20);
    expect(await mailsTo(address)).toHaveLength(1);

    t.clock.set('2026-11-24T10:10:00Z');
    expect((await signUpJson(t, { email: address }, '192.0.2.99')).status).toBe(202);
    expect(await mailsTo(address)).toHaveLength(2);
  });

  it('shows a person who hits the limit a page, with Retry-After', async () => {
    const address = uniqueAddress();
    await signUpJson(t, { email: address }, '192.0.2.50');
    const response = await t.app.request('/subscribe', {
      method: 'POST',
      body: new URLSearchParams({ email: address }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('600');
    expect(await response.text()).toContain('Trop de demandes');
  });
});

describe('a sign-up the API refuses', () => {
  const problem = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    return (await response.json()) as { detail: string; errors?: { pointer: string; detail: string }[] };
  };

  it('names /email when the address is not valid, and sends nothing', async () => {
    const body = await problem(await signUpJson(t, { email: 'chloé@@exemple' }), 422);
    expect(body.errors).toEqual([{ pointer: '/email', detail: 'must be a valid email address' }]);
    expect((await problem(await signUpJson(t, {}), 422)).errors?.[0]?.pointer).toBe('/email');
  });

  it('names every other bad field', async () => {
    const body = await problem(
      await signUpJson(t, { email: uniqueAddress(), language: 'de', name: 'a\nb', source: 'Blog!' }),
      422,
    );
    expect(body.errors?.map((e) => e.pointer).sort()).toEqual(['/language', '/name', '/source']);
  });

  it('refuses a body that is neither a form nor JSON with 415, and broken JSON with 400', async () => {
    const text = await t.app.request('/subscribe', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'email=a@b.fr',
    });
    expect((await problem(text, 415)).detail).toContain('text/plain');
    const broken = await t.app.request('/subscribe', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    await problem(broken, 400);
  });

  it('shows the form again with the error on the field when a person mistypes', async () => {
    const response = await t.app.request('/subscribe', {
      method: 'POST',
      body: new URLSearchParams({ email: 'chloe.exemple.fr', name: 'Chloé <b>' }),
    });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('aria-invalid="true" aria-describedby="email-error"');
    expect(page).toContain('Cette adresse e-mail n’est pas valide.');
    expect(page).toContain('value="Chloé &lt;b&gt;"');
  });
});

describe('the sign-up page', () => {
  it('is French by default, English for an English browser or ?lang=en, with labelled fields', async () => {
    const french = await (await t.app.request('/subscribe')).text();
    expect(french).toContain('<html lang="fr">');
    expect(french).toContain('<label for="email">Adresse e-mail</label>');
    const english = await (
      await t.app.request('/subscribe', { headers: { 'accept-language': 'en-US,en;q=0.9' } })
    ).text();
    expect(english).toContain('<html lang="en">');
    expect(await (await t.app.request('/subscribe?lang=en')).text()).toContain('Sign me up');
  });
});
