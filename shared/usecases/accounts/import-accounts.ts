import type { ConnectedAccount } from '../../domain/accounts/connected-account.ts';
import type { TokenSet } from '../../domain/accounts/oauth-provider.ts';
import type { Clock } from '../../ports/clock.ts';
import type { ConnectedAccountStore } from '../../ports/connected-account-store.ts';
import type { TokenSealer } from '../../ports/token-sealer.ts';

/** One network's account of the old accounts document, and the name of its one secret field. */
export type DocumentAccount = { account: Readonly<Record<string, unknown>>; secretField: string };

export type ImportResult = { imported: string[]; kept: string[] };

const whom = (id: string, profile: Readonly<Record<string, string>>) =>
  profile.username ? `@${profile.username}` : (profile.identifier ?? profile.author ?? profile.pageId ?? id);

/**
 * The accounts document a developer wrote by hand, imported once as connected accounts: the secret sealed as
 * the access token (nothing can refresh it: she reconnects when it dies), the rest kept as the profile. A
 * network already connected is left as it is, so a second run writes nothing.
 */
export const importAccounts = async (
  document: Readonly<Record<string, DocumentAccount | undefined>>,
  deps: { accounts: ConnectedAccountStore; sealer: TokenSealer; clock: Clock },
): Promise<ImportResult> => {
  const result: ImportResult = { imported: [], kept: [] };
  for (const [id, entry] of Object.entries(document)) {
    if (!entry) continue;
    if (await deps.accounts.get(id)) {
      result.kept.push(id);
      continue;
    }
    const { [entry.secretField]: secret, expiresAt, ...rest } = entry.account;
    const profile = Object.fromEntries(
      Object.entries(rest).filter((field): field is [string, string] => typeof field[1] === 'string'),
    );
    const tokens: TokenSet = {
      accessToken: String(secret),
      ...(typeof expiresAt === 'string' ? { accessExpiresAt: expiresAt } : {}),
    };
    const account: ConnectedAccount = {
      provider: id,
      label: whom(id, profile),
      profile,
      state: 'connected',
      sealed: await deps.sealer.seal(JSON.stringify(tokens)),
      ...(tokens.accessExpiresAt ? { accessExpiresAt: tokens.accessExpiresAt } : {}),
      canRefresh: false,
      connectedAt: deps.clock.now().toISOString(),
      version: 1,
    };
    // Conditional on none stored: a connection made meanwhile wins.
    if (await deps.accounts.put(account, undefined)) result.imported.push(id);
    else result.kept.push(id);
  }
  return result;
};
