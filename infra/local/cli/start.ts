import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadLocalConfig } from '../../../shared/domain/settings/local.ts';
import { createLocalApp } from '../runtime/local-app.ts';
import { loadDeliveryConfig } from '../../../shared/domain/settings/delivery.ts';
import { createLocalDelivery } from '../runtime/local-delivery.ts';
import { createJsonLogger } from '../../../shared/adapters/log/json-logger.ts';
import { sesMailer } from '../../../shared/adapters/ses/ses-mailer.ts';
import { systemClock } from '../../../shared/ports/clock.ts';
import { localServer } from '../runtime/local-server.ts';
import { edgeCache } from '../stand-ins/cdn/edge-cache.ts';
import { serveThroughCdn } from '../stand-ins/cdn/serve-through-cdn.ts';
import { startLocalSunday } from '../runtime/local-sunday.ts';
import { ensureTable } from '../../../shared/adapters/dynamodb/ensure-table.ts';
import { localSecrets, localSecretsEnv } from '../runtime/local-secrets.ts';
import { dataDir, secretsFile } from '../paths.ts';
import { filePublicObjects } from '../../../shared/adapters/public-objects/file-public-objects.ts';
import { startDynalite, startSes } from '../stand-ins/stand-ins.ts';
import { localSocial, localSocialEnv } from '../runtime/local-social.ts';
import { localFakesOf } from '../oauth/fake-consoles.ts';
import { localMusic } from '../runtime/local-music.ts';
import { localBlog, startLocalFeedPoller } from '../runtime/local-blog.ts';
import { localOutbound } from '../stand-ins/local-outbound.ts';
import { wordpressWebhookUrlFor } from '../../../shared/domain/settings/wordpress-webhook-url.ts';
import { normaliseEmail } from '../../../shared/domain/email-address.ts';
import { createLocalMusic } from '../runtime/local-music-worker.ts';
import { loadMusicSettings } from '../../../shared/domain/settings/music.ts';
import { socialSettings } from '../../../shared/domain/settings/social.ts';
import { currentSocialAccounts } from '../../../shared/adapters/social/social-accounts-for.ts';
import { readConnectedSocialAccounts } from '../../../shared/adapters/social/connected-social-accounts.ts';
import { guardedFetch } from '../../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../../shared/adapters/http/stand-ins.ts';
import type { SocialNetwork } from '../../../shared/domain/social/networks.ts';
import type { AccountProvider } from '../../../shared/usecases/accounts/access-token.ts';
import { accountChecks } from '../../../functions/wiring/account-checks.ts';
import {
  accountAccessDeps,
  accountImportStores,
  blueskySessions,
} from '../../../functions/wiring/accounts.ts';
import { openTable } from '../../../functions/wiring/table.ts';
import { tellReconnect } from '../../../functions/delivery/author-notifier.ts';
import { localTokenSealer } from '../runtime/local-token-sealer.ts';
import { LOCAL_REFRESH_INTERVAL_MS, startLocalRefresh } from '../runtime/local-refresh.ts';
import { socialComposer } from '../../../shared/usecases/social/social-composer.ts';
import { sendTimeOf } from '../../../shared/domain/send-time.ts';
import { startLocalDeliverability } from '../runtime/local-deliverability.ts';

/** `npm start`: the whole system on one machine, data kept in .data/ across restarts. */
// Node 20 is what these machines run; the SDK's notice about Node 22 is for the Lambda runtime, which has it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const port = Number(process.env.PORT ?? 3000);
// A post whose call went unanswered is looked for after this long; the crash test stretches it past its send.
const socialRecheckSeconds = Number(process.env.LOCAL_SOCIAL_RECHECK_SECONDS ?? 60);
// Before a Sunday, every connection is refreshed to outlive the send.
const SUNDAY_AHEAD_MS = 6 * 3_600_000;
if (!(socialRecheckSeconds > 0))
  throw new Error('LOCAL_SOCIAL_RECHECK_SECONDS must be a positive number of seconds');
mkdirSync(resolve(dataDir, 'dynamodb'), { recursive: true });
const secrets = localSecrets(secretsFile);

const dynamo = await startDynalite({
  port: Number(process.env.DYNAMODB_PORT ?? 4567),
  path: resolve(dataDir, 'dynamodb'),
});
// An SES endpoint of the caller's (a crash test's mail tap, which outlives this process) replaces our own.
const ses = process.env.SES_ENDPOINT
  ? { url: process.env.SES_ENDPOINT, close: async () => {} }
  : await startSes({ port: Number(process.env.SES_PORT ?? 8005) });
const socialEnv = localSocialEnv(process.env);
const music = await localMusic(process.env);
const blog = await localBlog(process.env, {
  publicBaseUrl: `http://127.0.0.1:${port}`,
  wordpressToken: secrets.wordpressToken,
});
// The one guarded client of this machine: the fake blog is its only loopback stand-in, and every web address
// by name is asked of the fake web (track links, covers, card thumbnails).
const outbound = localOutbound({ standIns: blog.standIns, web: music.webUrl });
const config = loadLocalConfig({
  PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
  ...localSecretsEnv(secrets),
  ...process.env,
  ...socialEnv,
  ...blog.env,
  DYNAMODB_ENDPOINT: dynamo.url,
  SES_ENDPOINT: ses.url,
});
await ensureTable(
  new DynamoDBClient({
    endpoint: dynamo.url,
    region: 'eu-west-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  }),
  config.TABLE_NAME,
);
const logger = createJsonLogger({ service: 'local', level: config.LOG_LEVEL });
// Her connected accounts on the local table, sealed by the key in the data folder; the stand-ins connect into
// it through their sign-in (or the operator's accounts file is imported into it once).
const accountsTable = openTable({ region: 'eu-west-3', tableName: config.TABLE_NAME, endpoint: dynamo.url });
const connection = {
  ...accountImportStores(accountsTable),
  sealer: localTokenSealer(resolve(dataDir, 'token-key')),
  clock: systemClock,
};
const social = await localSocial(process.env, connection);
// Issue 26: the CloudFront of this machine, in front of the app; each render tells it what changed.
const cdn = edgeCache({ clock: systemClock });
const localMusicQueue = createLocalMusic({});
const { app, doc, issues, renderTrigger } = createLocalApp(config, {
  logger,
  music: { queue: localMusicQueue.musicQueue },
  outbound,
  // Issue 26: the public pages as files in the data folder, read once into memory, as the bucket is on AWS.
  publicObjects: filePublicObjects(resolve(dataDir, 'public')),
  cdn,
  // Issue 25: Réglages' "Connecter" against the social fakes started above.
  accounts: { fakes: localFakesOf(social.accounts) },
  // The studio's "send now" of one issue: the delivery below, built once the app's table client exists.
  sendNow: (series) => delivery.dispatch({ series }),
});
const deliveryConfig = loadDeliveryConfig({ ...process.env, ...social.env });
const enabledProviders = deliveryConfig.SOCIAL_NETWORKS.map((network) => social.providers[network]);
// The fakes' authorization servers, their APIs (where a token is checked) and Threads' Graph fake are this
// machine's loopback stand-ins.
const accountsOutbound = guardedFetch({
  standIns: new StandIns(
    enabledProviders
      .flatMap((provider) => ('tokenEndpoint' in provider ? [new URL(provider.tokenEndpoint).origin] : []))
      .concat(Object.values(localFakesOf(social.accounts)).map((url) => new URL(url).origin))
      .concat(social.threadsGraphOrigin ? [social.threadsGraphOrigin] : []),
  ),
});
const access = accountAccessDeps(accountsTable, {
  sealer: connection.sealer,
  outbound: accountsOutbound,
  clock: systemClock,
  reconnectNeeded: (account) => tellReconnect(delivery.author, account, logger),
  ...(social.threadsGraphOrigin ? { threadsGraphOrigin: social.threadsGraphOrigin } : {}),
});
const readConnected = readConnectedSocialAccounts(
  enabledProviders as (AccountProvider & { id: SocialNetwork })[],
  access,
);
const refresh = startLocalRefresh(() => enabledProviders, access, {
  logger,
  checks: accountChecks(accountsOutbound),
});
const delivery = createLocalDelivery({
  doc,
  tableName: config.TABLE_NAME,
  mailer: sesMailer({ region: 'eu-west-3', endpoint: ses.url }),
  linkKeys: config.LINK_KEYS,
  publicBaseUrl: config.PUBLIC_BASE_URL,
  timeZone: config.TIME_ZONE,
  config: deliveryConfig,
  visibilityMs: deliveryConfig.LOCAL_LEASE_SECONDS * 1000,
  reconcileAfterMs: socialRecheckSeconds * 1000,
  clock: systemClock,
  logger,
  // Refreshed for the whole send (a few hours) before a Sunday starts.
  beforeDispatch: () => refresh.run(SUNDAY_AHEAD_MS),
  social: {
    accountsNow: currentSocialAccounts(readConnected, {
      ...social.publishers,
      bluesky: { thumbs: outbound, ...blueskySessions(accountsTable, connection.sealer) },
    }),
    compose: socialComposer({
      publicBaseUrl: config.PUBLIC_BASE_URL,
      seriesName: config.SERIES_NAME,
      ...socialSettings(config),
    }),
  },
});
// At start, then every few minutes: what would die before the next run is refreshed now.
await refresh.run();
const sunday = await startLocalSunday({
  delivery,
  config: deliveryConfig,
  timeZone: config.TIME_ZONE,
  adminTokens: config.ADMIN_TOKENS,
  logger,
});
const musicWorker = localMusicQueue.start({
  doc,
  tableName: config.TABLE_NAME,
  renderTrigger,
  author: delivery.author,
  clock: systemClock,
  logger,
  timeZone: config.TIME_ZONE,
  sendTime: sendTimeOf(deliveryConfig.SCHEDULE),
  settings: loadMusicSettings({ ...process.env, ...music.env }),
  eveSchedule: deliveryConfig.EVE_SCHEDULE,
  networks: deliveryConfig.SOCIAL_NETWORKS,
  resolverFetch: music.resolverFetch,
  outbound,
});
// Issue 23: Réglages → Délivrabilité and the eve reminder read this check's last run.
const deliverability = await startLocalDeliverability({
  doc,
  tableName: config.TABLE_NAME,
  senderAddress: config.SENDER_ADDRESS,
  secrets,
  socialAccounts: social.accounts,
  liveSocialAccounts: async () => (await readConnected()).accounts,
  networks: deliveryConfig.SOCIAL_NETWORKS,
  publishers: social.publishers,
  maxSenders: deliveryConfig.MAX_SENDERS,
  sendRate: deliveryConfig.SEND_RATE,
  sendTime: sendTimeOf(deliveryConfig.SCHEDULE),
  timeZone: config.TIME_ZONE,
  clock: systemClock,
  logger,
  dynamoEndpoint: dynamo.url,
});
const server = localServer({ control: sunday.control, app, logger });
const { server: api } = await serveThroughCdn({ fetch: server.fetch, cache: cdn, port });
const feedPoller = startLocalFeedPoller({
  feedUrl: config.FEED_URL,
  apiUrl: config.WORDPRESS_API_URL,
  doc,
  tableName: config.TABLE_NAME,
  issues,
  renderTrigger,
  clock: systemClock,
  timeZone: config.TIME_ZONE,
  mailer: sesMailer({ region: 'eu-west-3', endpoint: ses.url }),
  sender: { name: config.SENDER_NAME, address: config.SENDER_ADDRESS },
  author: {
    address: normaliseEmail(deliveryConfig.AUTHOR_EMAIL ?? ''),
    language: deliveryConfig.AUTHOR_LANGUAGE,
  },
  publicBaseUrl: config.PUBLIC_BASE_URL,
  logger,
  outbound,
});

console.log(`
Dimanche is running on this machine.

  API            ${config.PUBLIC_BASE_URL}   (health: ${config.PUBLIC_BASE_URL}/health)
  Sign-up page   ${config.PUBLIC_BASE_URL}/subscribe
  Studio         ${config.PUBLIC_BASE_URL}/studio   (sign in as ${config.AUTHOR_EMAIL}: the link shows in the mail viewer)
  Mail viewer    ${ses.url}   (sent mail as JSON: ${ses.url}/store)
  DynamoDB       ${dynamo.url}   (dynalite, table "${config.TABLE_NAME}", data in ${resolve(dataDir, 'dynamodb')})
  Secrets        ${secretsFile}

Send the sample post, signed with the local webhook secret:
  npm run post -- examples/sunday-morning-sound-34.json

The Sunday schedule: ${deliveryConfig.SCHEDULE} (${config.TIME_ZONE}), next run ${sunday.nextRun() ?? 'never'};
${deliveryConfig.MAX_SENDERS} senders at ${deliveryConfig.SEND_RATE} mails/s in all${sunday.requeued ? `; ${sunday.requeued} unfinished batches resumed` : ''}.
  npm run sunday                 what would go out now (a dry run)
  npm run sunday -- --now        send this Sunday's issue now
  npm run sunday -- --now --issue 35   send issue #35 now (once)

Preview an issue (admin token from the secrets file):
  curl -H "Authorization: Bearer ${secrets.adminToken}" ${config.PUBLIC_BASE_URL}/admin/issues/iss_34/preview
  curl -H "Authorization: Bearer ${secrets.adminToken}" ${config.PUBLIC_BASE_URL}/admin/issues/iss_34/social

Social networks (${deliveryConfig.SOCIAL_NETWORKS.join(', ') || 'none enabled'}): ${social.describe}
Connected accounts: kept in the table, tokens sealed by ${resolve(dataDir, 'token-key')}; refreshed every
${LOCAL_REFRESH_INTERVAL_MS / 60_000} minutes and before every Sunday.

Track links: each post's tracks are resolved to every platform and their links checked, off the webhook's
path; the eve check runs ${deliveryConfig.EVE_SCHEDULE} (next ${musicWorker.nextEve() ?? 'never'}). Warnings of an issue:
  curl -H "Authorization: Bearer ${secrets.adminToken}" ${config.PUBLIC_BASE_URL}/admin/issues/iss_34/warnings
${music.describe}

Deliverability (Réglages → Délivrabilité): checked at start and daily (next ${deliverability.nextRun() ?? 'never'}),
against ${deliverability.describe}

Her blog: ${blog.describe}.
The WordPress.com webhook URL (Settings → Webhooks: action publish_post, fields ID and post_url):
  ${wordpressWebhookUrlFor(config.PUBLIC_BASE_URL, secrets.wordpressToken)}
Publish on the blog, and the issue appears:
  npm run blog -- publish examples/wordpress-com/sunday-morning-sound-34.json
Feed: ${config.FEED_URL ?? 'none (set FEED_URL)'}, polled every 15 minutes${feedPoller.nextPoll() ? ` (next ${feedPoller.nextPoll()})` : ''}.
Back issues (archive only, never mailed):
  npm run import-archive -- ${config.WORDPRESS_SITE ?? 'example.wordpress.com'} --api ${config.WORDPRESS_API_URL}

Ctrl-C stops everything; the data stays for the next start.
`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await new Promise<void>((done) => api.close(() => done()));
  refresh.stop();
  await Promise.all([sunday.stop(), musicWorker.stop(), feedPoller.stop(), deliverability.close()]);
  await Promise.all([ses.close(), dynamo.close(), social.close(), music.close(), blog.close()]);
  console.log('Stopped.');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
