import { randomUUID } from 'node:crypto';
import { serveLater } from '../support/late-server.ts';
import { testLocalConfig } from '../support/test-config.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLocalApp } from '../../infra/local/runtime/local-app.ts';
import { startSocialFakes, type SocialFakes } from '../../infra/local/social/start-social-fakes.ts';
import { aesGcmSealer } from '../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import { localServer } from '../../infra/local/runtime/local-server.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { sundayOnOrAfter } from '../../shared/domain/calendar.ts';
import { SOCIAL_NETWORKS } from '../../shared/domain/social/networks.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { datedExamplePostBody } from '../builders/issue.ts';
import { connectedSunday } from '../support/connected-sunday.ts';
import { waitFor } from '../support/delivery-setup.ts';
import { launchChromium } from '../support/browser.ts';
import { checkPage } from '../support/page-check.ts';
import { signInToStudio } from '../support/studio-sign-in.ts';
import { ADMIN_TOKEN, signedPost } from '../support/signed-request.ts';
import { freshTable } from '../support/tables.ts';
import { randomBytes } from 'node:crypto';

const author = `autrice.${randomUUID().slice(0, 8)}@exemple.fr`;

let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
let server: Awaited<ReturnType<typeof serveLater>> | undefined;
let fakes: SocialFakes | undefined;
let sunday: Awaited<ReturnType<typeof connectedSunday>> | undefined;
let base = '';
let timeZone = '';

/**
 * npm start's wiring with the six social fakes, the studio on a port of its own (its callbacks registered), and
 * its Sunday beside it: the control route `npm run sunday` asks, the delivery posting with her connected accounts.
 */
beforeAll(async () => {
  fakes = await startSocialFakes();
  server = await serveLater();
  base = server.base;
  const { doc, tableName } = await freshTable(inject('dynaliteUrl'));
  const config = testLocalConfig(base, tableName, {
    AUTHOR_EMAIL: author,
  });
  const sealer = aesGcmSealer(randomBytes(32));
  const logger = createJsonLogger({ service: 'test', level: 'silent' });
  const { app } = createLocalApp(config, { logger, accounts: { fakes: fakes.urls, sealer } });
  sunday = await connectedSunday({
    table: { doc, tableName },
    fakes,
    sealer,
    sesUrl: inject('sesUrl'),
    publicBaseUrl: base,
    author,
    adminTokens: config.ADMIN_TOKENS,
    clock: systemClock,
    logger,
    timeZone: config.TIME_ZONE,
  });
  server.use(localServer({ control: sunday.control, app, logger }).fetch);
  timeZone = config.TIME_ZONE;
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  await sunday?.stop();
  await server?.close();
  await fakes?.close();
});

/** On the fake's consent page: "Autoriser". */
const allow = async (page: Page) => {
  await page.getByRole('button', { name: 'Autoriser' }).click();
};

const landed = async (page: Page, notice: string) => {
  await page.getByRole('heading', { name: 'Réglages' }).waitFor();
  expect(await page.getByRole('status').textContent()).toBe(notice);
};

describe('Connecter from Réglages, in Chromium, against the fakes', () => {
  it('connects each of the six networks: consent page, then back to Réglages showing the handle', async () => {
    const page = await chromium!.context.newPage();
    await signInToStudio(page, { base, author });
    await page.goto(`${base}/studio/settings#social`);
    await checkPage(page, 'connect-settings-empty');

    await page.getByRole('button', { name: 'Connecter X' }).click();
    await allow(page);
    await landed(page, 'X connecté en tant que @dimanche_fm.');

    await page.getByRole('button', { name: 'Connecter Threads' }).click();
    await allow(page);
    await landed(page, 'Threads connecté en tant que @dimanche.fm.');

    await page.getByRole('button', { name: 'Connecter Facebook' }).click();
    await allow(page);
    await page.getByRole('heading', { name: 'Publier sur Facebook en tant que…' }).waitFor();
    await checkPage(page, 'connect-choose');
    await page.getByRole('button', { name: 'Publier avec ce compte' }).click();
    await landed(page, 'Facebook connecté en tant que Dimanche.');

    await page.getByRole('button', { name: 'Connecter LinkedIn' }).click();
    await allow(page);
    await page.getByLabel('Dimanche').last().check();
    await page.getByRole('button', { name: 'Publier avec ce compte' }).click();
    await landed(page, 'LinkedIn connecté en tant que Dimanche.');

    await page.getByLabel('Adresse de votre instance Mastodon').fill(fakes!.urls.mastodon);
    await page.locator('form[action="/studio/accounts/mastodon/connect"] button').click();
    await allow(page);
    await page.getByRole('heading', { name: 'Réglages' }).waitFor();
    expect(await page.getByRole('status').textContent()).toMatch(
      /^Mastodon connecté en tant que @\w+@127\.0\.0\.1:\d+\.$/,
    );

    // Bluesky: her handle alone, then her server's own consent page (atproto OAuth); no password typed.
    await page.getByLabel('Votre identifiant Bluesky').fill('dimanche.bsky.social');
    await page.locator('form[action="/studio/accounts/bluesky/connect"] button[type="submit"]').click();
    await allow(page);
    await landed(page, 'Bluesky connecté en tant que @dimanche.bsky.social.');

    expect(await page.getByRole('button', { name: 'Déconnecter', exact: true }).count()).toBe(6);
    await checkPage(page, 'connect-settings-connected');

    // Her blog sends #34 for the coming Sunday, signed; then `npm run sunday -- --now` sends it.
    const coming = sundayOnOrAfter(systemClock.now(), timeZone);
    const posted = await fetch(`${base}/webhooks/posts`, signedPost(datedExamplePostBody(coming)));
    expect(posted.status).toBeLessThan(300);
    const asked = await fetch(`${base}/local/sunday`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(((await asked.json()) as { result: { kind: string } }).result.kind).toBe('dispatched');
    const posts = () => Promise.all(SOCIAL_NETWORKS.map((n) => fakeControl(fakes!.urls[n]).posts()));
    await waitFor(async () => (await posts()).every((sent) => sent.length > 0), 30_000);
    for (const [i, sent] of (await posts()).entries()) {
      expect(sent, SOCIAL_NETWORKS[i]).toHaveLength(1);
      expect(JSON.stringify(sent[0]), SOCIAL_NETWORKS[i]).toContain('chambre-en-provence');
    }

    // Réglages: each network's last post, a link to it.
    await page.goto(`${base}/studio/settings#social`);
    for (const network of SOCIAL_NETWORKS) {
      const card = page.locator('section.card', { has: page.locator(`#network-${network}`) });
      expect(await card.getByRole('link').count(), network).toBe(1);
    }
    await checkPage(page, 'connect-settings-posted');
  });

  it('connects Bluesky with an app password where her server has no sign-in page (the folded way)', async () => {
    // Signed in already: the same browser as above.
    const page = await chromium!.context.newPage();
    await page.goto(`${base}/studio/settings#social`);
    await page.locator('form[action="/studio/accounts/bluesky/disconnect"] button').click();
    await landed(page, 'Bluesky déconnecté.');
    const password = page.getByLabel('Mot de passe d’application');
    expect(await password.isVisible()).toBe(false);
    await page.getByText('Votre serveur n’a pas cette page ? Utilisez un mot de passe d’application').click();
    await page.getByLabel('Votre identifiant Bluesky').fill('dimanche.bsky.social');
    await password.fill('loca-lbsk-ypas-swrd');
    await checkPage(page, 'connect-bluesky-app-password');
    await page.locator('form[action="/studio/accounts/bluesky/connect"] button[type="submit"]').click();
    await landed(page, 'Bluesky connecté en tant que @dimanche.bsky.social.');
  });

  it('says so in French when she refuses on the consent page', async () => {
    // Signed in already: the same browser as above.
    const page = await chromium!.context.newPage();
    await page.goto(`${base}/studio/settings`);
    await page.getByRole('button', { name: 'Déconnecter', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Réglages' }).waitFor();
    await page.getByLabel('Adresse de votre instance Mastodon').fill(fakes!.urls.mastodon);
    await page.locator('form[action="/studio/accounts/mastodon/connect"] button').click();
    await page.getByRole('button', { name: 'Refuser' }).click();
    await page.getByRole('heading', { name: 'Connexion refusée' }).waitFor();
    await checkPage(page, 'connect-denied');
  });
});
