import { beforeEach, describe, expect, it } from 'vitest';
import { receivesIssues } from '../../shared/domain/subscriber.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { mailsTo } from '../support/mail-store.ts';
import { BASE_URL, testApp } from '../support/test-app.ts';
import { fromIp, idOf, linkIn, signUpForm, signUpJson, type TestApp, uniqueAddress } from './support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});

describe('signing up', () => {
  it('sends one confirmation mail in correct French whose link confirms, and mails a pending address nothing else', async () => {
    const address = uniqueAddress();
    const response = await signUpJson(t, { email: ` ${address.toUpperCase()} `, name: 'Chloé' });
    expect(response.status).toBe(202);

    const [mail, ...others] = await mailsTo(address);
    expect(others).toEqual([]);
    expect(mail?.subject).toBe('Confirmez votre abonnement à Online Sunday Morning Sound');
    expect(mail?.from).toContain('sunday@newsletter.example.com');
    expect(mail?.body.html).toContain('<html lang="fr"');
    expect(mail?.body.html).toContain('Encore une étape');
    expect(mail?.body.html).toContain('Je confirme mon abonnement');
    expect(mail?.body.html).toContain('ci-dessous\u00a0: la playlist arrivera chaque dimanche matin.');
    expect(mail?.body.text).toContain(
      'Quelqu’un, sans doute vous, a demandé à recevoir Online Sunday Morning Sound',
    );
    expect(mail?.body.html).not.toMatch(/%%|\{\{/);
    expect(mail?.body.html).not.toContain('Chloé');

    const id = idOf(address);
    const pending = await t.subscribers.get(id);
    expect(pending).toMatchObject({ status: 'pending', email: address, name: 'Chloé', language: 'fr' });
    expect(pending && receivesIssues(pending)).toBe(false);
    const audience = await t.subscribers.listByStatus('confirmed', { limit: 100 });
    expect(audience.items.map((s) => s.id)).not.toContain(id);

    const path = linkIn(mail?.body.html ?? '', BASE_URL, 'confirm');
    const page = await t.app.request(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<button type="submit">Je confirme</button>');
    expect((await t.subscribers.get(id))?.status).toBe('pending');

    const confirmed = await t.app.request(
      path,
      { method: 'POST', headers: { 'user-agent': 'Firefox/133' } },
      fromIp('203.0.113.7'),
    );
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('C’est confirmé');
    const subscriber = await t.subscribers.get(id);
    expect(subscriber).toMatchObject({
      status: 'confirmed',
      consent: {
        at: '2026-11-24T10:00:00.000Z',
        ip: '203.0.113.7',
        userAgent: 'Firefox/133',
        source: 'form',
        textVersion: '2026-11-v1',
      },
    });
    expect(subscriber && receivesIssues(subscriber)).toBe(true);
    expect((await t.subscribers.listByStatus('confirmed', { limit: 100 })).items.map((s) => s.id)).toContain(
      id,
    );
  });

  it('writes in English to a browser that asks for it, and in the language the form chose over the browser', async () => {
    const english = uniqueAddress('ann');
    await signUpJson(t, { email: english }, '198.51.100.3', {
      'accept-language': 'de-DE, en-GB;q=0.8, fr;q=0.5',
    });
    expect((await mailsTo(english))[0]?.subject).toBe(
      'Confirm your subscription to Online Sunday Morning Sound',
    );
    const chosen = uniqueAddress('jo');
    await signUpJson(t, { email: chosen, language: 'fr' }, '198.51.100.3', { 'accept-language': 'en' });
    expect((await mailsTo(chosen))[0]?.subject).toMatch(/^Confirmez/);
  });

  it('gives the same status and body for a new, a pending, a confirmed and a suppressed address', async () => {
    const [fresh, pending, confirmed, suppressed] = ['new', 'pending', 'confirmed', 'suppressed'].map(
      uniqueAddress,
    );
    await signUpJson(t, { email: pending }, '198.51.100.4');
    t.clock.set('2026-11-24T10:11:00Z');
    await t.subscribers.create(aSubscriber({ id: idOf(confirmed as string), email: confirmed as never }));
    await t.subscribers.suppress(idOf(suppressed as string), 'complaint', '2026-11-01T00:00:00.000Z');

    const answers = [];
    for (const email of [fresh, pending, confirmed, suppressed]) {
      const response = await signUpJson(t, { email }, '198.51.100.5');
      answers.push({
        status: response.status,
        body: await response.text(),
        type: response.headers.get('content-type'),
      });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]?.status).toBe(202);
    expect((await mailsTo(fresh as string)).length).toBe(1);
    expect((await mailsTo(pending as string)).length).toBe(2);
    expect((await mailsTo(confirmed as string)).length).toBe(0);
    expect((await t.subscribers.get(idOf(confirmed as string)))?.status).toBe('confirmed');
    expect(await t.subscribers.get(idOf(suppressed as string))).toMatchObject({
      status: 'suppressed',
      reason: 'complaint',
    });
  });

  it('answers a filled honeypot like anyone else, and sends nothing and stores nothing', async () => {
    const bot = uniqueAddress('bot');
    const human = await signUpJson(t, { email: uniqueAddress() }, '198.51.100.6');
    const response = await signUpJson(t, { email: bot, website: 'https://spam.example' }, '198.51.100.6');
    expect(response.status).toBe(202);
    expect(await response.text()).toBe(await human.text());
    expect(await mailsTo(bot)).toEqual([]);
    expect(await t.subscribers.get(idOf(bot))).toBeUndefined();
  });

  it('takes the HTML form and answers with a page, in the language of the form', async () => {
    const address = uniqueAddress();
    const response = await signUpForm(t, {
      email: address,
      language: 'en',
      website: '',
      consent_text_version: '2026-11-v1',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('Check your inbox');
    expect(await t.subscribers.get(idOf(address))).toMatchObject({
      language: 'en',
      signUp: { textVersion: '2026-11-v1' },
    });
  });
});
