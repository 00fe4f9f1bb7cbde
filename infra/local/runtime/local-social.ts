import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSocialAccounts } from '../../../shared/adapters/social/parse-social-accounts.ts';
import type { SocialAccounts } from '../../../shared/adapters/social/social-accounts.ts';
import { SOCIAL_NETWORKS } from '../../../shared/domain/social/networks.ts';
import { dataDir } from '../paths.ts';
import { loopbackOnlyFetch } from '../social/loopback-fetch.ts';
import { startSocialFakes } from '../social/start-social-fakes.ts';

/**
 * The social accounts on one machine: a JSON file of real accounts if the operator wrote one (git-ignored,
 * `.data/social-accounts.json` or SOCIAL_ACCOUNTS_FILE), else one fake network per account on 127.0.0.1,
 * all six enabled unless SOCIAL_NETWORKS says otherwise, so a local Sunday shows the whole flow.
 */
export const localSocial = async (env: Record<string, string | undefined>) => {
  const file = resolve(env.SOCIAL_ACCOUNTS_FILE ?? resolve(dataDir, 'social-accounts.json'));
  if (existsSync(file)) {
    const accounts: SocialAccounts = parseSocialAccounts(file, readFileSync(file, 'utf8'));
    // Fakes given by file (a test's, which outlive this process) get the fetch the fakes started here get.
    const allFakes = Object.values(accounts).every((account) =>
      ['127.0.0.1', 'localhost'].includes(new URL(account.baseUrl).hostname),
    );
    const publishers = allFakes ? { fetch: loopbackOnlyFetch } : {};
    return { env: {}, accounts, publishers, describe: `accounts from ${file}`, close: async () => {} };
  }
  const fakes = await startSocialFakes();
  const lines = SOCIAL_NETWORKS.map(
    (network) => `  ${network.padEnd(9)} ${fakes.urls[network]}/__fake/posts`,
  );
  return {
    env: { SOCIAL_NETWORKS: env.SOCIAL_NETWORKS ?? SOCIAL_NETWORKS.join(',') },
    accounts: fakes.accounts as SocialAccounts,
    publishers: { fetch: loopbackOnlyFetch },
    describe: `local fakes; what each one was sent:\n${lines.join('\n')}`,
    close: fakes.close,
  };
};
