import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importSocialAccounts } from '../../../shared/adapters/social/import-social-accounts.ts';
import { parseSocialAccounts } from '../../../shared/adapters/social/parse-social-accounts.ts';
import type { SocialAccounts } from '../../../shared/adapters/social/social-accounts.ts';
import { SOCIAL_NETWORKS, type SocialNetwork } from '../../../shared/domain/social/networks.ts';
import type { AccountProvider } from '../../../shared/usecases/accounts/access-token.ts';
import type { LocalConnection } from '../oauth/local-sign-in.ts';
import type { RateLimits } from '../../../shared/ports/rate-limits.ts';
import { dataDir } from '../paths.ts';
import { loopbackOnlyFetch } from '../social/loopback-fetch.ts';
import { startSocialFakes } from '../social/start-social-fakes.ts';

const accountsFile = (env: Record<string, string | undefined>) =>
  resolve(env.SOCIAL_ACCOUNTS_FILE ?? resolve(dataDir, 'social-accounts.json'));

/** The networks enabled on one machine: all six on the fakes unless SOCIAL_NETWORKS says otherwise. */
export const localSocialEnv = (env: Record<string, string | undefined>): Record<string, string> =>
  existsSync(accountsFile(env)) ? {} : { SOCIAL_NETWORKS: env.SOCIAL_NETWORKS ?? SOCIAL_NETWORKS.join(',') };

export type LocalSocial = {
  env: Record<string, string>;
  /** The stand-ins' accounts, or the file's: what the deliverability check probes. */
  accounts: SocialAccounts;
  /** Who refreshes each network's connection (the fakes' authorization servers). */
  providers: Record<SocialNetwork, AccountProvider>;
  /** Where Threads renews its long-lived tokens on this machine. */
  threadsGraphOrigin?: string;
  publishers: { fetch?: typeof fetch };
  describe: string;
  close: () => Promise<void>;
};

const idsOnly = () =>
  Object.fromEntries(SOCIAL_NETWORKS.map((id) => [id, { id }])) as Record<SocialNetwork, AccountProvider>;

/**
 * Her social accounts on one machine, kept in the runtime's connected-account store. An accounts file the
 * operator wrote (git-ignored, `.data/social-accounts.json` or SOCIAL_ACCOUNTS_FILE) is imported once as
 * connected accounts; else one fake network per account on 127.0.0.1, each connected through its own sign-in.
 */
export const localSocial = async (
  env: Record<string, string | undefined>,
  /** `claims` outlive a restart: an accounts file is imported once, account by account. */
  into: LocalConnection & { claims: Pick<RateLimits, 'cooldown'> },
): Promise<LocalSocial> => {
  const file = accountsFile(env);
  if (existsSync(file)) {
    const accounts: SocialAccounts = parseSocialAccounts(file, readFileSync(file, 'utf8'));
    const { imported, kept, done } = await importSocialAccounts(accounts, into);
    // Fakes given by file (a test's, which outlive this process) get the fetch the fakes started here get.
    const allFakes = Object.values(accounts).every((account) =>
      ['127.0.0.1', 'localhost'].includes(new URL(account.baseUrl).hostname),
    );
    return {
      env: localSocialEnv(env),
      accounts,
      providers: idsOnly(),
      publishers: allFakes ? { fetch: loopbackOnlyFetch } : {},
      describe:
        `accounts from ${file}, imported as connected accounts (${imported.join(', ') || 'none new'}` +
        `${kept.length ? `; already connected: ${kept.join(', ')}` : ''}` +
        `${done.length ? `; imported before, disconnected since: ${done.join(', ')}` : ''}): posts use the connected accounts, ` +
        'the file is not read for them again and may be deleted',
      close: async () => {},
    };
  }
  const fakes = await startSocialFakes({}, into);
  const lines = SOCIAL_NETWORKS.map(
    (network) => `  ${network.padEnd(9)} ${fakes.urls[network]}/__fake/posts`,
  );
  return {
    env: localSocialEnv(env),
    accounts: fakes.accounts as SocialAccounts,
    providers: fakes.providers,
    threadsGraphOrigin: fakes.urls.threads,
    publishers: { fetch: loopbackOnlyFetch },
    describe: `local fakes, each connected through its sign-in; what each one was sent:\n${lines.join('\n')}`,
    close: fakes.close,
  };
};
