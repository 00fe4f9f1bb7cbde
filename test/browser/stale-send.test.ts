import { serveLater } from '../support/late-server.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { mailsTo } from '../support/mail-store.ts';
import { checkPage } from '../support/page-check.ts';
import { type WeekApp, weekApp } from '../support/week-app.ts';

let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
let server: Awaited<ReturnType<typeof serveLater>> | undefined;
let w: WeekApp | undefined;
let base = '';

/** `npm start`'s wiring served on a port, its clock on Tuesday 24 November 2026 (the coming Sunday: the 29th). */
beforeAll(async () => {
  server = await serveLater();
  base = server.base;
  w = await weekApp({ readers: 2, baseUrl: base });
  server.use(w.app.fetch);
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  await w?.stop();
  await server?.close();
});

describe('a stale "send now" tab', () => {
  it('sends nothing when its form is submitted again, and says the issue was already sent', async () => {
    const week = w!;
    await week.publish(36);
    expect((await week.publish(42, { sunday: '2026-11-29' })).body).toMatchObject({ sunday: '2026-12-06' });
    const page = await chromium!.context.newPage();
    await page.goto(`${base}/studio`);
    await page.getByLabel('Adresse e-mail').fill(week.author);
    await page.getByRole('button', { name: 'Recevoir le lien' }).click();
    await page.getByRole('heading', { name: 'Vérifiez votre boîte aux lettres' }).waitFor();
    const text = (await mailsTo(week.author)).at(-1)?.body.text ?? '';
    await page.goto(/http:\/\/127\.0\.0\.1:\d+\/studio\/sign-in\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '');
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await page.getByRole('heading', { name: 'Les prochains dimanches' }).waitFor();
    await page.getByText('Prochain envoi : #36 — Numéro 36').waitFor();
    await checkPage(page, 'week-plan');

    await page.goto(`${base}/studio/issues/42`);
    await page.getByRole('link', { name: 'Changer de dimanche' }).click();
    await page.getByLabel('Nouveau dimanche').waitFor();
    await checkPage(page, 'move');

    // A tab she left open on the confirmation, before sending from another one.
    const stale = await chromium!.context.newPage();
    await stale.goto(`${base}/studio/issues/36/send-now`);
    await page.goto(`${base}/studio/issues/36`);
    await page.getByRole('link', { name: 'Envoyer maintenant' }).click();
    await checkPage(page, 'send-now-confirm');
    await page.getByRole('button', { name: 'Oui, envoyer maintenant' }).click();
    await page.waitForURL(`${base}/studio/campaigns/36`);
    await week.drained();
    expect(week.readerMails().map((m) => m.campaign)).toEqual(['cmp_36', 'cmp_36']);

    // Back: the confirmation is asked again, and says why instead of offering the button.
    await page.goBack();
    await page.getByRole('heading', { name: 'Cette action n’est plus possible' }).waitFor();
    expect(await page.getByRole('button', { name: 'Oui, envoyer maintenant' }).count()).toBe(0);
    // The stale tab still shows the button: its form, submitted, sends nothing.
    await stale.getByRole('button', { name: 'Oui, envoyer maintenant' }).click();
    await stale.getByRole('heading', { name: 'Cette action n’est plus possible' }).waitFor();
    await stale.getByText('Ce numéro a déjà été envoyé').waitFor();
    expect(await stale.getByRole('link', { name: 'Voir cet envoi' }).getAttribute('href')).toBe(
      '/studio/campaigns/36',
    );
    await checkPage(stale, 'send-now-refused');
    await stale.close();
    // Reloading the confirmation itself shows the refusal, not the button.
    const again = await page.goto(`${base}/studio/issues/36/send-now`);
    expect(again?.status()).toBe(409);
    expect(await page.getByRole('button', { name: 'Oui, envoyer maintenant' }).count()).toBe(0);

    await week.drained();
    expect(week.readerMails()).toHaveLength(2);
    expect(await week.delivery.campaigns.get('cmp_42')).toBeUndefined();
    expect((await week.holds.actions('iss_36')).map((a) => a.action)).toEqual(['send_now']);
    await page.close();
  });
});
