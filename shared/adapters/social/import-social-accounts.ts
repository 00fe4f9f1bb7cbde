import type { SocialNetwork } from '../../domain/social/networks.ts';
import {
  type DocumentAccount,
  type ImportResult,
  importAccounts,
} from '../../usecases/accounts/import-accounts.ts';
import { SOCIAL_ADAPTERS } from './adapters.ts';
import type { SocialAccounts } from './social-accounts.ts';

/**
 * The migration from the old accounts document (a Secrets Manager secret on AWS, `.data/social-accounts.json`
 * on one machine), parsed by parseSocialAccounts: each account becomes a connected account once; idempotent.
 * @example
 *   await importSocialAccounts(parseSocialAccounts(arn, raw), { accounts, sealer, clock });
 */
export const importSocialAccounts = (
  document: SocialAccounts,
  deps: Parameters<typeof importAccounts>[1],
): Promise<ImportResult> =>
  importAccounts(
    Object.fromEntries(
      Object.entries(document).map(([id, account]): [string, DocumentAccount] => [
        id,
        {
          account: account as Record<string, unknown>,
          secretField: SOCIAL_ADAPTERS[id as SocialNetwork].secretField,
        },
      ]),
    ),
    deps,
  );
