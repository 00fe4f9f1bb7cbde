import { randomBytes, randomUUID } from 'node:crypto';
import { testLocalConfig } from '../support/test-config.ts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { consent } from '../../infra/local/oauth/consent.ts';
import { createLocalApp } from '../../infra/local/runtime/local-app.ts';
import { localOutbound } from '../../infra/local/stand-ins/local-outbound.ts';
import { aesGcmSealer } from '../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { dynamoConnectedAccounts } from '../../shared/adapters/dynamodb/connected-account-store.ts';
import type { TokenSealer } from '../../shared/ports/token-sealer.ts';
import { mailsTo } from '../support/mail-store.ts';
import { freshTable } from '../support/tables.ts';
import { BASE_URL, movableClock } from '../support/test-app.ts';

/** Where a page sends her on: its refresh target (the studio's on-the-way pages). */
export const refreshTarget = (html: string) =>
  /<meta http-equiv="refresh" content="0;url=([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');

/**
 * The studio with Réglages' "Connecter" against the social fakes given (their base URLs), its accounts on a fresh
 * table and a throwaway key, signed in as the author; `connect` runs her whole flow for one network.
 */
export const accountsStudio = async (
  fakes: Partial<Record<string, string>>,
  env: Record<string, string> = {},
  /** A runtime's table, clock and key to share (a whole Sunday's), instead of fresh ones. */
  on: {
    table?: { doc: DynamoDBDocumentClient; tableName: string };
    clock?: ReturnType<typeof movableClock>;
    sealer?: TokenSealer;
  } = {},
) => {
  /** Every line the app logged, as JSON: a test greps them for tokens. */
  const logged: string[] = [];
  const logger = {
    info: (message: string, fields?: object) => void logged.push(JSON.stringify({ message, ...fields })),
    warn: (message: string, fields?: object) => void logged.push(JSON.stringify({ message, ...fields })),
    error: (message: string, fields?: object) => void logged.push(JSON.stringify({ message, ...fields })),
  };
  const { tableName, doc } = on.table ?? (await freshTable(inject('dynaliteUrl')));
  const author = `autrice.${randomUUID().slice(0, 8)}@exemple.fr`;
  const config = testLocalConfig(BASE_URL, tableName, {
    AUTHOR_EMAIL: author,
    ...env,
  });
  const clock = on.clock ?? movableClock();
  const sealer = on.sealer ?? aesGcmSealer(randomBytes(32));
  const { app } = createLocalApp(config, {
    clock,
    logger,
    outbound: localOutbound({ standIns: [] }),
    accounts: { fakes, sealer },
  });
  const store = dynamoConnectedAccounts(doc, tableName);
  const form = (fields: Record<string, string>, cookie?: string) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
  await app.request('/studio/sign-in', form({ email: author }));
  const text = (await mailsTo(author)).at(-1)?.body.text ?? '';
  const token = /\/studio\/sign-in\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';
  const signedIn = await app.request(`/studio/sign-in/${token}`, { method: 'POST' });
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const settings = async (path = '/studio/settings') =>
    (await app.request(path, { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await settings())?.[1] ?? '';
  const post = (path: string, fields: Record<string, string> = {}) =>
    app.request(path, form({ _csrf: csrf, ...fields }, cookie));
  /** "Connecter": the address of the network's consent page she is sent on to. */
  const begin = async (network: string, fields: Record<string, string> = {}) => {
    const answer = await post(`/studio/accounts/${network}/connect`, fields);
    return { answer, html: await answer.clone().text(), to: refreshTarget(await answer.text()) };
  };
  /**
   * The network's callback as her browser arrives with it: from another site, so first without the cookie
   * (SameSite=Strict), which gets a page reloading the same address from the studio, with it.
   */
  const back = async (url: URL | string) => {
    const at = new URL(url, BASE_URL);
    const first = await app.request(`${at.pathname}${at.search}`);
    const again = refreshTarget(await first.clone().text());
    if (first.status !== 200 || !again) return first;
    return app.request(again, { headers: { cookie } });
  };
  /** Connecter, Autoriser (or Refuser), and the way back: the callback's answer. */
  const connect = async (network: string, decision: 'allow' | 'deny' = 'allow', fields = {}) => {
    const { to } = await begin(network, fields);
    if (!to) throw new Error(`${network}: no consent page to go to`);
    const { back: returned } = await consent(to, decision);
    return { returned, answer: await back(returned) };
  };
  return {
    logged,
    app,
    store,
    sealer,
    clock,
    cookie,
    csrf,
    settings,
    post,
    begin,
    back,
    connect,
    doc,
    tableName,
  };
};
