import { randomUUID } from 'node:crypto';
import { hmacSubscriberIds } from '../../shared/adapters/crypto/hmac-subscriber-ids.ts';
import { jwsLinkTokens } from '../../shared/adapters/crypto/jws-link-tokens.ts';
import { type EmailAddress, normaliseEmail } from '../../shared/domain/email-address.ts';
import type { SubscriberId } from '../../shared/domain/subscriber.ts';
import type { LinkPurpose } from '../../shared/ports/link-tokens.ts';
import { LINK_KEY, SUBSCRIBER_ID_KEY } from '../support/signed-request.ts';
import { admin, type testApp } from '../support/test-app.ts';

export type TestApp = Awaited<ReturnType<typeof testApp>>;

/** A fresh address per test: the SES stand-in's store is shared by every test file. */
export const uniqueAddress = (who = 'chloe') =>
  `${who}.${randomUUID().slice(0, 8)}@exemple.fr` as EmailAddress;

export const idOf = (address: string): SubscriberId =>
  hmacSubscriberIds(SUBSCRIBER_ID_KEY).idFor(normaliseEmail(address) as EmailAddress);

/** What @hono/node-server hands the app: the socket the request came in on. */
export const fromIp = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });

export const signUpJson = (t: TestApp, body: Record<string, unknown>, ip = '198.51.100.1', headers = {}) =>
  t.app.request(
    '/subscribe',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    },
    fromIp(ip),
  );

export const signUpForm = (t: TestApp, fields: Record<string, string>, ip = '198.51.100.2') =>
  t.app.request('/subscribe', { method: 'POST', body: new URLSearchParams(fields) }, fromIp(ip));

/** When tokenFor signs: the test app's clock starts there. */
const SIGNED_AT = '2026-11-24T10:00:00Z';

/** A link signed with the app's own key, as a mail would carry it. */
export const tokenFor = (id: SubscriberId, purpose: LinkPurpose, expiresInSeconds?: number) =>
  jwsLinkTokens([LINK_KEY], () => new Date(SIGNED_AT)).sign(
    { purpose, subscriberId: id },
    expiresInSeconds === undefined ? {} : { expiresInSeconds },
  );

/** The path of the first link in `html` that starts with `${base}/${prefix}/`. */
export const linkIn = (html: string, base: string, prefix: string): string => {
  const match = new RegExp(`href="${base.replaceAll('.', '\\.')}(/${prefix}/[^"]+)"`).exec(html);
  if (!match?.[1]) throw new Error(`no /${prefix}/ link in the mail`);
  return match[1].replaceAll('&amp;', '&');
};

/** POST a CSV to the admin import with the admin token. */
export const importCsv = (app: TestApp['app'], csv: string, query: string) =>
  app.request(`/admin/subscribers/import?${query}`, {
    method: 'POST',
    headers: { ...admin.headers, 'content-type': 'text/csv' },
    body: csv,
  });
