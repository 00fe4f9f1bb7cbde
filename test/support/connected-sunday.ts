import { tellReconnect } from '../../functions/delivery/author-notifier.ts';
import { accountAccessDeps } from '../../functions/wiring/accounts.ts';
import type { Table } from '../../functions/wiring/table.ts';
import { createLocalDelivery } from '../../infra/local/runtime/local-delivery.ts';
import { startLocalSunday } from '../../infra/local/runtime/local-sunday.ts';
import { loopbackOnlyFetch } from '../../infra/local/social/loopback-fetch.ts';
import type { SocialFakes } from '../../infra/local/social/start-social-fakes.ts';
import { guardedFetch } from '../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../shared/adapters/http/stand-ins.ts';
import { sesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import { readConnectedSocialAccounts } from '../../shared/adapters/social/connected-social-accounts.ts';
import { currentSocialAccounts } from '../../shared/adapters/social/social-accounts-for.ts';
import { loadDeliveryConfig } from '../../shared/domain/settings/delivery.ts';
import { DEFAULT_COMPOSE_RULES } from '../../shared/domain/social/compose-rules.ts';
import { SOCIAL_NETWORKS } from '../../shared/domain/social/networks.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { Logger } from '../../shared/ports/logger.ts';
import type { TokenSealer } from '../../shared/ports/token-sealer.ts';
import { socialComposer } from '../../shared/usecases/social/social-composer.ts';
import { LINK_KEY } from './signed-request.ts';

/**
 * `npm start`'s Sunday for a test: the local delivery on `table`, its social worker reading her connected
 * accounts there (tokens opened with `sealer`, refreshed at the fakes, a lost one mailed to her), and the
 * control route `npm run sunday` asks (`POST /local/sunday`), to serve beside the app.
 */
export const connectedSunday = async ({
  table,
  fakes,
  sealer,
  sesUrl,
  publicBaseUrl,
  author,
  adminTokens,
  clock,
  logger,
  timeZone = 'Europe/Paris',
}: {
  table: Table;
  fakes: Pick<SocialFakes, 'urls' | 'providers'>;
  sealer: TokenSealer;
  sesUrl: string;
  publicBaseUrl: string;
  author: string;
  adminTokens: readonly string[];
  clock: Clock;
  logger: Logger;
  timeZone?: string;
}) => {
  const config = loadDeliveryConfig({
    SEND_RATE: '20',
    MAX_SENDERS: '1',
    AUTHOR_EMAIL: author,
    SOCIAL_NETWORKS: SOCIAL_NETWORKS.join(','),
    SOCIAL_REPORT_WAIT_SECONDS: '1',
  });
  const providers = SOCIAL_NETWORKS.map((id) => ({ ...fakes.providers[id], id }));
  // The fakes' authorization servers and Threads' Graph fake are the loopback stand-ins the refresh may reach.
  const origins = providers.flatMap((p) => ('tokenEndpoint' in p ? [new URL(p.tokenEndpoint).origin] : []));
  const access = accountAccessDeps(table, {
    sealer,
    outbound: guardedFetch({ standIns: new StandIns([...origins, fakes.urls.threads]) }),
    clock,
    reconnectNeeded: (account) => tellReconnect(delivery.author, account, logger),
    threadsGraphOrigin: fakes.urls.threads,
  });
  const delivery = createLocalDelivery({
    ...table,
    mailer: sesMailer({ region: 'eu-west-3', endpoint: sesUrl }),
    linkKeys: [LINK_KEY],
    publicBaseUrl,
    timeZone,
    config,
    clock,
    logger,
    social: {
      accountsNow: currentSocialAccounts(readConnectedSocialAccounts(providers, access), {
        fetch: loopbackOnlyFetch,
      }),
      compose: socialComposer({
        publicBaseUrl,
        seriesName: 'Online Sunday Morning Sound',
        hashtags: ['playlist'],
        networks: SOCIAL_NETWORKS,
        rules: DEFAULT_COMPOSE_RULES,
      }),
    },
  });
  const sunday = await startLocalSunday({ delivery, config, timeZone, adminTokens, logger });
  return { control: sunday.control, stop: sunday.stop };
};
