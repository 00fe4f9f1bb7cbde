import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { Webhook } from 'standardwebhooks';
import { loadLocalConfig } from '../../shared/domain/settings/local.ts';
import { createLocalApp } from '../../infra/local/runtime/local-app.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { securityHeaders } from '../../functions/http/secure-headers.ts';
import { dynamoClickStore } from '../../shared/adapters/dynamodb/click-store.ts';
import { sundayOnOrAfter } from '../../shared/domain/calendar.ts';
import { filePublicObjects } from '../../shared/adapters/public-objects/file-public-objects.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { edgeCache } from '../../infra/local/stand-ins/cdn/edge-cache.ts';
import { serveThroughCdn } from '../../infra/local/stand-ins/cdn/serve-through-cdn.ts';
import { ensureTable } from '../../shared/adapters/dynamodb/ensure-table.ts';
import type { IssueId } from '../../shared/domain/issue.ts';
import { clickLink } from '../../shared/domain/music/click-link.ts';
import { exitWithParent, say } from '../delivery/child-process.ts';

/**
 * The local app (`npm start`'s composition, on the stand-ins given, behind its CDN stand-in) in its own
 * process, next to a bare Hono app with one route doing nothing on @hono/node-server: the floor of what a
 * request through Hono costs here. Seeds issue #34 through the signed webhook and one click link,
 * then prints the URLs and what the load needs (the slug, the link id, one signed webhook to replay).
 */
exitWithParent();
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const [dynamoUrl = '', sesUrl = ''] = process.argv.slice(2);
const webhookSecret = `whsec_${randomBytes(32).toString('base64')}`;
const config = loadLocalConfig({
  PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
  WEBHOOK_SECRETS: webhookSecret,
  ADMIN_TOKENS: randomBytes(24).toString('base64url'),
  LINK_KEYS: `bench:${randomBytes(32).toString('base64url')}`,
  SUBSCRIBER_ID_KEY: randomBytes(32).toString('base64url'),
  DYNAMODB_ENDPOINT: dynamoUrl,
  SES_ENDPOINT: sesUrl,
  TABLE_NAME: `http_${randomBytes(4).toString('hex')}`,
});
await ensureTable(
  new DynamoDBClient({
    endpoint: dynamoUrl,
    region: 'eu-west-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  }),
  config.TABLE_NAME,
);
// The public pages as `npm start` keeps them: files in a data folder, read once into memory, behind the
// same CDN stand-in.
const cdn = edgeCache({ clock: systemClock });
const { app, doc } = createLocalApp(config, {
  logger: createJsonLogger({ service: 'bench', level: 'silent' }),
  publicObjects: filePublicObjects(mkdtempSync(join(tmpdir(), 'bench-public-'))),
  cdn,
});

// Dated the latest Sunday (today on a Sunday): its page is public from then on, whatever day the bench runs.
const lastSunday = sundayOnOrAfter(new Date(Date.now() - 6 * 86_400_000), 'Europe/Paris');
const body = JSON.stringify({
  ...JSON.parse(
    readFileSync(new URL('../../examples/sunday-morning-sound-34.json', import.meta.url), 'utf8'),
  ),
  sunday: lastSunday,
});
const id = `msg_${randomBytes(8).toString('hex')}`;
const timestamp = new Date();
const webhookHeaders = {
  'content-type': 'application/json',
  'webhook-id': id,
  'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
  'webhook-signature': new Webhook(webhookSecret).sign(id, timestamp, body),
};
const posted = await app.request('/webhooks/posts', { method: 'POST', headers: webhookHeaders, body });
if (posted.status >= 300) throw new Error(`the webhook answered ${posted.status}: ${await posted.text()}`);
// Read from the table, not the built list: the stampede below is then the first read of the page's object.
const archive = await (await app.request('/archive?cursor=2999-12-31_1')).text();
// The issue's page, not the feeds the archive also links to.
const slug = /href="[^"]*\/archive\/(\d[^"/?#.]*)"/.exec(archive)?.[1];
if (!slug) throw new Error('issue #34 is not in the archive');
const link = clickLink({
  issueId: 'iss_34' as IssueId,
  position: 1,
  platform: 'universal',
  target: 'https://song.link/d/1',
});
await dynamoClickStore(doc, config.TABLE_NAME).register([link]);

// The runtime's env (the socket, for the client's IP) is passed through to the app as @hono/node-server gives it.
const listen = (fetch: Parameters<typeof serve>[0]['fetch']) =>
  new Promise<string>((resolve) => {
    serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
  });
const bare = new Hono().get('/', (c) => c.text('ok'));
// The same nothing with the app's security headers (~15 on every answer): the floor of any page we may serve.
const headed = new Hono().use('*', securityHeaders()).get('/', (c) => c.text('ok'));
say({
  // As `npm start` serves it: the public pages from the edge's copy, the rest through to the app.
  appUrl: (await serveThroughCdn({ fetch: app.fetch, cache: cdn })).url,
  bareUrl: await listen(bare.fetch),
  headedUrl: await listen(headed.fetch),
  slug,
  linkId: link.id,
  webhook: { headers: webhookHeaders, body },
});
