import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import { loadDeliveryConfig } from '../../shared/domain/settings/delivery.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { createLocalDelivery, type LocalDeliveryOptions } from '../../infra/local/runtime/local-delivery.ts';
import { jwsLinkTokens } from '../../shared/adapters/crypto/jws-link-tokens.ts';
import { dynamoIssueStore } from '../../shared/adapters/dynamodb/issue-store.ts';
import { inProcessRenderTrigger } from '../../infra/local/runtime/in-process-render-trigger.ts';
import { sesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import type { EmailAddress } from '../../shared/domain/email-address.ts';
import type { IssueContent } from '../../shared/domain/issue.ts';
import type { Subscriber, SubscriberStatus } from '../../shared/domain/subscriber.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import { keptCopy, type Mailer, type OutgoingMail } from '../../shared/ports/mailer.ts';
import { acceptPost } from '../../shared/usecases/accept-post.ts';
import { anIssueContent } from '../builders/issue.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { LINK_KEY } from './signed-request.ts';
import { freshTable } from './tables.ts';
import { movableClock } from './test-app.ts';

export const BASE = 'https://newsletter.example.org';

/**
 * Passes every mail on to the real mailer and keeps a copy of what was asked, to parse its MIME back. A copy:
 * a sender writes each reader's bodies over the previous reader's once the mail is sent.
 */
export const recording = (inner: Mailer) => {
  const sent: OutgoingMail[] = [];
  return {
    sent,
    mailer: {
      send: async (mail: OutgoingMail) => (sent.push(keptCopy(mail)), inner.send(mail)),
    } satisfies Mailer,
  };
};

/**
 * Issue #34 stored and rendered, a fresh table, a clock at 09:00 on its Sunday in Paris, and the local delivery
 * (dispatch, queue, senders) wired to the SES stand-in, or to `sesEndpoint` (a fault-injecting proxy).
 */
export const deliverySetup = async (
  options: {
    env?: Record<string, string>;
    sesEndpoint?: string;
    visibilityMs?: number;
    wrapMailer?: (m: Mailer) => Mailer;
    /** The social worker's accounts and composer, given the setup's clock (publishers read rate-limit resets). */
    social?: (clock: Clock) => NonNullable<LocalDeliveryOptions['social']>;
    /** The post stored and rendered; issue #34 as the example has it by default. */
    content?: IssueContent;
    /** A table made already (one holding her connected accounts); a fresh one by default. */
    table?: { doc: DynamoDBDocumentClient; tableName: string };
  } = {},
) => {
  const { doc, tableName } = options.table ?? (await freshTable(inject('dynaliteUrl')));
  const clock = movableClock('2026-11-29T08:00:00Z');
  const run = randomUUID().slice(0, 8);
  const domain = `run-${run}.example`;
  const issues = dynamoIssueStore(doc, tableName);
  const renderer = createMjmlRenderer({
    seriesName: 'Online Sunday Morning Sound',
    postalAddress: '12 rue des Lilas, Paris',
    subscribeUrl: `${BASE}/subscribe`,
  });
  await acceptPost(options.content ?? anIssueContent(), {
    store: issues,
    renderTrigger: inProcessRenderTrigger({
      store: issues,
      renderer,
      clock,
      archiveUrl: (slug) => `${BASE}/archive/${slug}`,
    }),
    clock,
    timeZone: 'Europe/Paris',
  });
  const recorder = recording(
    sesMailer({ region: 'eu-west-3', endpoint: options.sesEndpoint ?? inject('sesUrl') }),
  );
  const mailer = options.wrapMailer ? options.wrapMailer(recorder.mailer) : recorder.mailer;
  const config = loadDeliveryConfig({
    SEND_RATE: '400',
    MAX_SENDERS: '4',
    AUTHOR_EMAIL: `autrice@${domain}`,
    ...options.env,
  });
  const logger = createJsonLogger({ service: 'test', level: 'silent' });
  /** Another sender process on the same table: a restart after a crash. */
  const deliveryWith = (over: { doc?: typeof doc; mailer?: Mailer } = {}) =>
    createLocalDelivery({
      doc: over.doc ?? doc,
      tableName,
      mailer: over.mailer ?? mailer,
      linkKeys: [LINK_KEY],
      publicBaseUrl: BASE,
      timeZone: 'Europe/Paris',
      config,
      clock,
      logger,
      ...(options.visibilityMs ? { visibilityMs: options.visibilityMs } : {}),
    });
  const delivery = createLocalDelivery({
    doc,
    tableName,
    mailer,
    linkKeys: [LINK_KEY],
    publicBaseUrl: BASE,
    timeZone: 'Europe/Paris',
    config,
    clock,
    logger: createJsonLogger({ service: 'test', level: 'silent' }),
    ...(options.visibilityMs ? { visibilityMs: options.visibilityMs } : {}),
    ...(options.social ? { social: options.social(clock) } : {}),
  });
  const addSubscribers = async (count: number, status: SubscriberStatus, extra: Partial<Subscriber> = {}) => {
    const made: Subscriber[] = [];
    for (let i = 0; i < count; i += 1) {
      const subscriber = aSubscriber({
        status,
        email: `${status}.${i}.${randomUUID().slice(0, 6)}@${domain}` as EmailAddress,
        ...extra,
      });
      await delivery.subscribers.create(subscriber);
      made.push(subscriber);
    }
    return made;
  };
  return {
    ...delivery,
    clock,
    domain,
    sent: recorder.sent,
    addSubscribers,
    tokens: jwsLinkTokens([LINK_KEY]),
    issues,
    doc,
    tableName,
    recorder: recorder.mailer,
    deliveryWith,
  };
};

type StoredEmail = { subject: string; destination: { to: string[] }; body: { html?: string; text?: string } };

/** Mail the SES stand-in holds for one test run's domain. */
export const storedMailTo = async (domain: string): Promise<StoredEmail[]> => {
  const { emails } = (await (await fetch(`${inject('sesUrl')}/store`)).json()) as { emails: StoredEmail[] };
  return emails.filter((email) =>
    email.destination.to.some((to) => to.endsWith(`@${domain}`) || to.endsWith(`@${domain}>`)),
  );
};

export const waitFor = async (check: () => Promise<boolean>, timeoutMs = 60_000) => {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
