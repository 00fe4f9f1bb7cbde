import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { TokenSealer } from '../../../shared/ports/token-sealer.ts';
import { accountUrls } from '../../../functions/studio/account-urls.ts';
import { studioAccounts } from '../../../functions/wiring/studio-accounts.ts';
import { fakeConsoles } from '../oauth/fake-consoles.ts';
import { dataDir } from '../paths.ts';
import { localTokenSealer } from './local-token-sealer.ts';
import { signedAwsFetch } from '../../../shared/adapters/aws/signed-fetch.ts';
import { guardedFetch } from '../../../shared/adapters/http/guarded-fetch.ts';
import { memoryPublicObjects } from '../../../shared/adapters/public-objects/memory-public-objects.ts';
import { inProcessRenderTrigger } from './in-process-render-trigger.ts';
import { type Clock, systemClock } from '../../../shared/ports/clock.ts';
import type { Logger } from '../../../shared/ports/logger.ts';
import type { MusicQueue } from '../../../shared/ports/music-queue.ts';
import type { OutboundFetch } from '../../../shared/ports/outbound-fetch.ts';
import type { CdnInvalidator, PublicObjects } from '../../../shared/ports/public-objects.ts';
import type { LocalConfig } from '../../../shared/domain/settings/local.ts';
import { createApp } from '../../../functions/create-app.ts';
import { createJsonLogger } from '../../../shared/adapters/log/json-logger.ts';
import type { Studio } from '../../../functions/studio/studio-deps.ts';
import { adminDeps } from '../../../functions/wiring/admin.ts';
import { renderDeps } from '../../../functions/wiring/render.ts';
import { openTable } from '../../../functions/wiring/table.ts';

/**
 * Composition root on one machine: the admin and public functions' wiring pointed at the local stand-ins,
 * with the render step in-process instead of a second function.
 */
export const createLocalApp = (
  config: LocalConfig,
  overrides: {
    clock?: Clock;
    logger?: Logger;
    music?: { queue: MusicQueue };
    /** The studio's "send now": the local delivery's dispatch, when it runs in this process. */
    sendNow?: Studio['sendNow'];
    /** The guarded client with this machine's stand-ins (`npm start`'s fake blog); public addresses only without. */
    outbound?: OutboundFetch;
    /** Where the public pages are built to (`npm start`: the data folder); default: this process's memory. */
    publicObjects?: PublicObjects;
    /** Issue 26: the edge in front of this app (`npm start`'s CDN stand-in), told what each render changed. */
    cdn?: CdnInvalidator;
    /**
     * Issue 25: Réglages' "Connecter". `fakes`: the social fakes started with the runtime (each network's base
     * URL), whose consoles give the operator's apps; `sealer`: default, the key in the data folder.
     */
    accounts?: { fakes?: Partial<Record<string, string>>; sealer?: TokenSealer };
  } = {},
) => {
  const clock = overrides.clock ?? systemClock;
  const logger = overrides.logger ?? createJsonLogger({ service: 'local', level: config.LOG_LEVEL });
  const table = openTable({
    region: 'eu-west-3',
    tableName: config.TABLE_NAME,
    endpoint: config.DYNAMODB_ENDPOINT,
  });
  const publicObjects = overrides.publicObjects ?? memoryPublicObjects();
  // Issue 26: the CDN stand-in, when one is in front. Issue 7: click links and the ingest of a new revision's
  // tracks, when the music worker runs here too.
  const renderTrigger = inProcessRenderTrigger(
    renderDeps(config, {
      table,
      clock,
      publicObjects,
      cdn: overrides.cdn,
      musicQueue: overrides.music?.queue,
    }),
  );
  const deps = adminDeps(
    config,
    {
      table,
      renderTrigger,
      publicObjects,
      secrets: async () => ({
        webhookSecrets: config.WEBHOOK_SECRETS,
        adminTokens: config.ADMIN_TOKENS,
        linkKeys: config.LINK_KEYS,
        subscriberIdKey: config.SUBSCRIBER_ID_KEY,
        ...(config.WORDPRESS_TOKEN ? { wordpressToken: config.WORDPRESS_TOKEN } : {}),
      }),
      ses: signedAwsFetch({
        service: 'ses',
        region: 'eu-west-3',
        endpoint: config.SES_ENDPOINT,
        credentials: async () => ({ accessKeyId: 'local', secretAccessKey: 'local' }),
      }),
      outbound: overrides.outbound ?? guardedFetch(),
      clock,
      logger,
    },
    overrides.sendNow,
  );
  const redirectUri = accountUrls(config.PUBLIC_BASE_URL).callback;
  const consoles = fakeConsoles(overrides.accounts?.fakes ?? {}, redirectUri);
  const hasFakes = Object.keys(overrides.accounts?.fakes ?? {}).length > 0;
  // The studio's callbacks registered with the fakes' apps now that its address is known; a failure is retried
  // by the first "Connecter", which needs them.
  if (hasFakes)
    consoles
      .apps()
      .catch((error: unknown) => logger.warn('fake consoles not read', { error: String(error) }));
  deps.studio.accounts = studioAccounts({
    table,
    sealer: overrides.accounts?.sealer ?? localTokenSealer(resolve(dataDir, 'token-key')),
    outbound: hasFakes ? consoles.outbound : (overrides.outbound ?? guardedFetch()),
    clock,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    random: () => randomBytes(32).toString('base64url'),
    apps: hasFakes ? consoles.apps : async () => ({}),
    ...(hasFakes ? { local: { api: consoles.api, signIn: consoles.signIn } } : {}),
  });
  return { app: createApp(deps), doc: table.doc, issues: deps.issues, renderTrigger };
};
