import { randomUUID } from 'node:crypto';
import { testLocalConfig } from './test-config.ts';
import { inject } from 'vitest';
import { loadDeliveryConfig } from '../../shared/domain/settings/delivery.ts';
import { createLocalApp } from '../../infra/local/runtime/local-app.ts';
import { createLocalDelivery } from '../../infra/local/runtime/local-delivery.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { localSundayRoute } from '../../infra/local/runtime/sunday-route.ts';
import { dynamoIssueHolds } from '../../shared/adapters/dynamodb/issue-hold-store.ts';
import { sesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import type { EmailAddress } from '../../shared/domain/email-address.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { examplePostBody } from '../builders/issue.ts';
import { recording } from './delivery-setup.ts';
import { mailsTo } from './mail-store.ts';
import { ADMIN_TOKEN, LINK_KEY, signedPost } from './signed-request.ts';
import { freshTable } from './tables.ts';
import { BASE_URL, movableClock } from './test-app.ts';

/**
 * Her week on one machine: `npm start`'s wiring (the app with its studio, the local delivery and its senders,
 * the control route `npm run sunday` calls) on a fresh dynalite table and the SES stand-in, one movable clock.
 * Every mail the senders hand to SES is also kept, to count who got what.
 */
export const weekApp = async (
  options: { readers?: number; start?: string; /** Where a browser reaches it. */ baseUrl?: string } = {},
) => {
  const base = options.baseUrl ?? BASE_URL;
  const { doc, tableName } = await freshTable(inject('dynaliteUrl'));
  const clock = movableClock(options.start);
  const run = randomUUID().slice(0, 8);
  const author = `autrice.${run}@exemple.fr`;
  const config = testLocalConfig(base, tableName, {
    AUTHOR_EMAIL: author,
  });
  const recorder = recording(sesMailer({ region: 'eu-west-3', endpoint: inject('sesUrl') }));
  const logger = createJsonLogger({ service: 'test', level: 'silent' });
  const delivery = createLocalDelivery({
    doc,
    tableName,
    mailer: recorder.mailer,
    linkKeys: [LINK_KEY],
    publicBaseUrl: base,
    timeZone: config.TIME_ZONE,
    config: loadDeliveryConfig({ SEND_RATE: '500', MAX_SENDERS: '1', AUTHOR_EMAIL: author }),
    clock,
    logger,
  });
  const { app } = createLocalApp(config, {
    clock,
    logger,
    sendNow: (series) => delivery.dispatch({ series }),
  });
  const sundayCli = localSundayRoute(delivery, [ADMIN_TOKEN], () => []);
  const workers = delivery.startWorkers();
  const readers: string[] = [];
  const at = new Date(clock.now().getTime() - 86_400_000).toISOString();
  for (let i = 0; i < (options.readers ?? 2); i += 1) {
    const email = `lectrice.${i}.${run}@exemple.fr`;
    readers.push(email);
    await delivery.subscribers.create(
      aSubscriber({ email: email as EmailAddress, status: 'confirmed', confirmedAt: at, createdAt: at }),
    );
  }

  const form = (fields: Record<string, string>, cookie: string) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams(fields).toString(),
  });
  /** A studio session, signed in by the link mailed to her (through the SES stand-in, as in real use). */
  const signIn = async () => {
    await app.request('/studio/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: author }).toString(),
    });
    const text = (await mailsTo(author)).at(-1)?.body.text ?? '';
    const token = /\/studio\/sign-in\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';
    const answer = await app.request(`/studio/sign-in/${token}`, { method: 'POST' });
    const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const page = await (await app.request('/studio', { headers: { cookie } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    return { cookie, csrf };
  };
  /** Her post through the signed webhook, as WordPress or `npm run post` sends it. */
  const publish = async (series: number, extra: Record<string, unknown> = {}) => {
    const response = await app.request(
      '/webhooks/posts',
      signedPost({ ...examplePostBody(), series, title: `Numéro ${series}`, ...extra }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  /** `npm run sunday -- --now [--issue N]`: the same route the command line asks, in-process. */
  const sundayNow = async (series?: number) => {
    const query = series === undefined ? '' : `?issue=${series}`;
    const response = await sundayCli.request(`/local/sunday${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    return (await response.json()) as { result: { kind: string; issueId?: string } };
  };
  /** Until the senders have worked every queued batch. */
  const drained = async () => {
    for (let i = 0; i < 400 && delivery.queue.size() > 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    if (delivery.queue.size() > 0) throw new Error('the send queue did not drain');
  };
  /** Mails handed to SES for readers, as `campaign subscriber` pairs. */
  const readerMails = () =>
    recorder.sent
      .filter((mail) => readers.includes(mail.to.address))
      .map((mail) => ({ campaign: mail.tags?.campaign ?? '', to: mail.to.address }));

  return {
    app,
    clock,
    delivery,
    holds: dynamoIssueHolds(doc, tableName),
    readers,
    author,
    form,
    signIn,
    publish,
    sundayNow,
    drained,
    readerMails,
    stop: workers.stop,
  };
};

export type WeekApp = Awaited<ReturnType<typeof weekApp>>;
