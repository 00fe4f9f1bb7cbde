import { randomUUID } from 'node:crypto';
import { serveLater } from '../support/late-server.ts';
import { testLocalConfig } from '../support/test-config.ts';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { loadDeliveryConfig } from '../../shared/domain/settings/delivery.ts';
import { createLocalApp } from '../../infra/local/runtime/local-app.ts';
import { createLocalDelivery } from '../../infra/local/runtime/local-delivery.ts';
import { createLocalMusic } from '../../infra/local/runtime/local-music-worker.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { dynamoSubscribers } from '../../shared/adapters/dynamodb/subscribers.ts';
import { dynamoWarningStore } from '../../shared/adapters/dynamodb/warning-store.ts';
import { sesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import { sundayOnOrAfter } from '../../shared/domain/calendar.ts';
import type { EmailAddress } from '../../shared/domain/email-address.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { acceptPost } from '../../shared/usecases/accept-post.ts';
import { anIssueContent } from '../builders/issue.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { launchChromium } from '../support/browser.ts';
import { mailsTo } from '../support/mail-store.ts';
import { checkPage } from '../support/page-check.ts';
import { signInToStudio } from '../support/studio-sign-in.ts';
import { LINK_KEY } from '../support/signed-request.ts';
import { freshTable } from '../support/tables.ts';

const run = randomUUID().slice(0, 8);
const author = `autrice.${run}@exemple.fr`;
const readers = [0, 1, 2].map((i) => `lectrice.${i}.${run}@exemple.fr`) as [string, string, string];

let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
let server: Awaited<ReturnType<typeof serveLater>> | undefined;
let stopWorkers: (() => Promise<void>) | undefined;
let base = '';
let firstReaderId = '';

/** npm start's wiring on a fresh table, the real clock (the coming Sunday is computed, never written down). */
beforeAll(async () => {
  server = await serveLater();
  base = server.base;
  const { doc, tableName } = await freshTable(inject('dynaliteUrl'));
  const config = testLocalConfig(base, tableName, {
    AUTHOR_EMAIL: author,
    WORDPRESS_TOKEN: 'browser-test-token-0123456789abcdefghijklmnop',
  });
  const logger = createJsonLogger({ service: 'test', level: 'silent' });
  const delivery = createLocalDelivery({
    doc,
    tableName,
    mailer: sesMailer({ region: 'eu-west-3', endpoint: inject('sesUrl') }),
    linkKeys: [LINK_KEY],
    publicBaseUrl: base,
    timeZone: config.TIME_ZONE,
    config: loadDeliveryConfig({ SEND_RATE: '20', MAX_SENDERS: '1', AUTHOR_EMAIL: author }),
    clock: systemClock,
    logger,
  });
  const { app, issues, renderTrigger } = createLocalApp(config, {
    logger,
    music: { queue: createLocalMusic({}).musicQueue },
    sendNow: (series) => delivery.dispatch({ series }),
  });
  server.use(app.fetch);
  stopWorkers = delivery.startWorkers().stop;
  const sunday = sundayOnOrAfter(systemClock.now(), config.TIME_ZONE);
  await acceptPost(
    { ...anIssueContent({ series: 35, title: 'Jardin d’hiver', sunday }) },
    { store: issues, renderTrigger, clock: systemClock, timeZone: config.TIME_ZONE },
  );
  const tracks = anIssueContent().tracks;
  await dynamoWarningStore(doc, tableName).save('iss_35', {
    source: 'resolution',
    revision: 1,
    checkedAt: systemClock.now().toISOString(),
    warnings: [
      ...tracks.slice(0, 12).map((t) => ({
        kind: 'missing_platforms' as const,
        position: t.position,
        platforms: ['bandcamp' as const],
      })),
      {
        kind: 'unresolved',
        position: 13,
        url: tracks[12]?.url ?? 'https://example.org',
        detail: 'not found',
      },
    ],
  });
  const store = dynamoSubscribers(doc, tableName);
  const at = new Date(systemClock.now().getTime() - 86_400_000).toISOString();
  for (const email of readers) {
    const reader = aSubscriber({
      email: email as EmailAddress,
      status: 'confirmed',
      confirmedAt: at,
      createdAt: at,
    });
    await store.create(reader);
    if (email === readers[0]) firstReaderId = reader.id;
  }
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  await stopWorkers?.();
  await server?.close();
});

describe('her week in the studio, in Chromium', () => {
  it('signs in from the mail, holds and sends #35, follows it to its report, and looks after a subscriber', async () => {
    const page = await chromium!.context.newPage();
    await signInToStudio(page, {
      base,
      author,
      seen: (step) => checkPage(page, step),
    });
    const [cookie] = await chromium!.context.cookies(base);
    expect(cookie).toMatchObject({
      name: '__Host-dimanche-studio',
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
    });

    // Cette semaine: #35, its warnings folded, the subscribers.
    expect(await page.getByText('#35 — Jardin d’hiver').count()).toBeGreaterThan(0);
    await page.getByText('12 morceaux introuvables sur Bandcamp').waitFor();
    await page.getByText('3 abonnés confirmés').waitFor();
    await checkPage(page, 'week');

    // Test-send to herself.
    const before = (await mailsTo(author)).length;
    await page.getByRole('button', { name: `M’envoyer un test (${author})` }).click();
    await page.getByText(`Un e-mail de test est parti vers ${author}.`).waitFor();
    const test = (await mailsTo(author)).slice(before);
    expect(test.map((m) => m.subject)).toEqual([expect.stringMatching(/^\[TEST\] /)]);

    // Numéros: hold, un-hold, each behind its confirmation.
    await page.getByRole('link', { name: 'Numéros' }).click();
    await checkPage(page, 'issues');
    await page.getByRole('link', { name: '#35 — Jardin d’hiver' }).click();
    await page.getByRole('link', { name: 'Mettre en attente' }).click();
    await checkPage(page, 'issue-confirm');
    await page.getByRole('button', { name: 'Oui, mettre en attente' }).click();
    await page.getByText('Le numéro est en attente.').waitFor();
    await page.getByRole('link', { name: 'Reprendre l’envoi' }).click();
    await page.getByRole('button', { name: 'Oui, reprendre' }).click();
    await page.getByText('Le numéro est de nouveau au programme.').waitFor();
    // The email as readers get it, in its sandboxed frame (the studio's session reaches it, nothing else runs).
    await page
      .frameLocator('iframe.preview')
      .getByText('Jardin d’hiver')
      .first()
      .waitFor({ timeout: 10_000 });
    await checkPage(page, 'issue');

    // Send now, then the live progress until done.
    await page.getByRole('link', { name: 'Envoyer maintenant' }).click();
    await page.getByRole('button', { name: 'Oui, envoyer maintenant' }).click();
    await page.getByRole('heading', { name: 'Progression' }).waitFor();
    await page.getByRole('heading', { name: 'Bilan' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-count="sent"]').textContent()).toBe('3');

    // A reader follows a track link; the report counts it in its chart.
    const sent = (await mailsTo(readers[0])).at(-1)?.body.html ?? '';
    const linkId = /\/r\/([A-Za-z0-9_-]+)/.exec(sent)?.[1];
    expect(linkId).toBeDefined();
    expect((await fetch(`${base}/r/${linkId}`, { redirect: 'manual' })).status).toBe(302);
    await page.reload();
    await page.getByRole('heading', { name: 'Clics par morceau' }).waitFor();
    expect(await page.locator('figure[aria-labelledby="clicks-track-title"] td').allTextContents()).toContain(
      '1',
    );
    await checkPage(page, 'campaign');
    await page.getByRole('link', { name: 'Envois' }).click();
    await checkPage(page, 'campaigns');

    // Abonnés: every reader, a search by part of the address, the record, an edit, unsubscribe, export, erase.
    await page.getByRole('link', { name: 'Abonnés' }).click();
    for (const reader of readers) await page.getByRole('link', { name: reader }).waitFor();
    await checkPage(page, 'subscribers');
    await page.getByLabel('Chercher par adresse ou prénom').fill(`LECTRICE.1.${run}`);
    await page.getByRole('button', { name: 'Chercher' }).click();
    expect(await page.locator('td.address').allTextContents()).toEqual([readers[1]]);
    await checkPage(page, 'subscribers-search');
    const exported = await page.request.get(`${base}/studio/subscribers/export.csv?status=confirmed`);
    expect(await exported.text()).toContain(readers[2]);
    await page.getByRole('link', { name: readers[1] }).first().click();
    await checkPage(page, 'subscriber');
    await page.getByLabel('Prénom').fill('Hélène');
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();
    await page.getByRole('link', { name: 'Le désabonner' }).click();
    await checkPage(page, 'subscriber-unsubscribe');
    await page.getByRole('button', { name: 'Oui, le désabonner' }).click();
    await page.getByText('Le lecteur est désabonné.').waitFor();
    await page.getByRole('link', { name: 'Effacer cet abonné' }).click();
    await checkPage(page, 'subscriber-erase');
    await page.getByRole('button', { name: 'Oui, effacer' }).click();
    await page.getByText('L’abonné est effacé.').waitFor();
    await page.goto(`${base}/studio/subscribers?status=suppressed`);
    await checkPage(page, 'subscribers-suppressed');

    // Errors are pages in her language: an unknown address, a form whose token went stale.
    await page.goto(`${base}/studio/nulle-part`);
    await page.getByRole('heading', { name: 'Page introuvable' }).waitFor();
    await checkPage(page, 'not-found');
    await page.goto(`${base}/studio/subscribers/${firstReaderId}/unsubscribe`);
    await page
      .locator('main input[name="_csrf"]')
      .evaluate((input) => ((input as unknown as { value: string }).value = 'stale'));
    await page.getByRole('button', { name: 'Oui, le désabonner' }).click();
    await page.getByRole('heading', { name: 'Ce formulaire a expiré' }).waitFor();
    await checkPage(page, 'form-expired');

    await page.getByRole('link', { name: 'Réglages' }).click();
    await page.getByRole('heading', { name: 'Le formulaire d’inscription pour votre blog' }).waitFor();
    // The webhook address she pastes into WordPress.com, as the route takes it.
    expect(await page.getByLabel('Adresse du webhook').inputValue()).toBe(
      `${base}/webhooks/wordpress/browser-test-token-0123456789abcdefghijklmnop`,
    );
    await checkPage(page, 'settings');

    // A CSV import from Abonnés: a file whose last line never closes its quote writes no one and says which
    // line to fix; a file with one bad row imports the others and lists that row by its line.
    const upload = async (name: string, csv: string) => {
      await page.goto(`${base}/studio/subscribers`);
      await page.locator('input[type="file"]').setInputFiles({
        name,
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      await page.locator('form:has(input[type="file"]) button[type="submit"]').click();
    };
    const [newcomer, broken] = [`nouvelle.${run}@exemple.fr`, `jamais.${run}@exemple.fr`];
    await upload('cassé.csv', `email,name\n${broken},Jamais\n${newcomer},"Nouvelle\n`);
    await page.getByRole('heading', { name: 'Fichier non importé' }).waitFor();
    await page.getByText('Ligne 3\u00a0: des guillemets s’ouvrent dans la colonne name').waitFor();
    await checkPage(page, 'import-refused');
    await upload('lecteurs.csv', `email,name\n${newcomer},Nouvelle\npas-une-adresse,Personne\n`);
    await page.getByRole('heading', { name: 'Résultat de l’import' }).waitFor();
    await page.getByText('Ligne 3, colonne email').waitFor();
    await checkPage(page, 'import-report');
    await page.goto(`${base}/studio/subscribers?status=pending`);
    await page.getByRole('link', { name: newcomer }).waitFor();
    expect(await page.getByRole('link', { name: broken }).count()).toBe(0);
    await page.close();
  });
});
