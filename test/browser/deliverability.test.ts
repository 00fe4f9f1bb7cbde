import { randomUUID } from 'node:crypto';
import { serveLater } from '../support/late-server.ts';
import { testLocalConfig } from '../support/test-config.ts';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createLocalApp } from '../../infra/local/runtime/local-app.ts';
import { createLocalMusic } from '../../infra/local/runtime/local-music-worker.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { startLocalDeliverability } from '../../infra/local/runtime/local-deliverability.ts';
import { dynamoSubscriberStore } from '../../shared/adapters/dynamodb/subscriber-store.ts';
import type { EmailAddress } from '../../shared/domain/email-address.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { launchChromium } from '../support/browser.ts';
import { checkPage } from '../support/page-check.ts';
import { signInToStudio } from '../support/studio-sign-in.ts';
import { freshTable } from '../support/tables.ts';

// Issue 23: Réglages → Délivrabilité, from a real run of the doctor's checks against the local account fake
// (SES in the sandbox, no DMARC record), as `npm start` wires it.

const run = randomUUID().slice(0, 8);
const author = `autrice.${run}@exemple.fr`;
let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
let server: Awaited<ReturnType<typeof serveLater>> | undefined;
let checks: Awaited<ReturnType<typeof startLocalDeliverability>> | undefined;
let base = '';

beforeAll(async () => {
  server = await serveLater();
  base = server.base;
  const { doc, tableName } = await freshTable(inject('dynaliteUrl'));
  const config = testLocalConfig(base, tableName, {
    AUTHOR_EMAIL: author,
  });
  const logger = createJsonLogger({ service: 'test', level: 'silent' });
  const { app } = createLocalApp(config, { logger, music: { queue: createLocalMusic({}).musicQueue } });
  server.use(app.fetch);
  const store = dynamoSubscriberStore(doc, tableName);
  const at = new Date(systemClock.now().getTime() - 86_400_000).toISOString();
  for (const i of [0, 1, 2])
    await store.create(
      aSubscriber({
        email: `lectrice.${i}.${run}@exemple.fr` as EmailAddress,
        status: 'confirmed',
        confirmedAt: at,
      }),
    );
  checks = await startLocalDeliverability({
    doc,
    tableName,
    senderAddress: config.SENDER_ADDRESS,
    secrets: { webhookSecret: 'w', adminToken: 'a', linkKey: 'l', subscriberIdKey: 's', wordpressToken: 't' },
    socialAccounts: {},
    networks: [],
    publishers: {},
    maxSenders: 2,
    sendRate: 14,
    sendTime: '09:00',
    timeZone: config.TIME_ZONE,
    clock: systemClock,
    logger,
  });
  // The account as a new one is: SES in the sandbox, the DMARC record not created yet.
  checks.state.productionAccess = false;
  checks.state.max24HourSend = 200;
  checks.state.maxSendRate = 1;
  checks.state.verifiedAddresses = [author];
  delete checks.zone[Object.keys(checks.zone).find((name) => name.startsWith('_dmarc.')) ?? ''];
  await checks.run();
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  await checks?.close();
  await server?.close();
});

describe('Réglages → Délivrabilité, in Chromium', () => {
  it('shows the blocking checks first, in French, with what to do', async () => {
    const page = await chromium!.context.newPage();
    await signInToStudio(page, { base, author });

    await page.goto(`${base}/studio/settings`);
    const panel = page.getByRole('region', { name: 'Délivrabilité' });
    await panel.waitFor();
    await panel.getByText('2 points empêchent la lettre d’arriver chez tout le monde').waitFor();
    const rows = await panel.locator('li').allInnerTexts();
    expect(rows.slice(0, 2)).toEqual([
      expect.stringMatching(/^Bloquant SES est en bac à sable : seule 1 adresse vérifiée reçoit le courrier/),
      expect.stringMatching(
        /^Bloquant Aucun enregistrement DMARC : Gmail et Yahoo refusent les envois en nombre sans lui ; créez TXT _dmarc\./,
      ),
    ]);
    expect(rows).toContain('OK Quota quotidien 200 pour 3 abonnés confirmés');
    await checkPage(page, 'deliverability');
  });
});
