import { createHash } from 'node:crypto';
import type { ConnectedAccount } from '../../domain/accounts/connected-account.ts';
import type { TokenSet } from '../../domain/accounts/oauth-provider.ts';
import type { Clock } from '../../ports/clock.ts';
import type { RateLimits } from '../../ports/rate-limits.ts';
import type { ConnectedAccountStore } from '../../ports/connected-account-store.ts';
import type { TokenSealer } from '../../ports/token-sealer.ts';

/** One network's account of the old accounts document, and the name of its one secret field. */
export type DocumentAccount = { account: Readonly<Record<string, unknown>>; secretField: string };

/** `done`: imported by an earlier run (she may have disconnected it since: it is not brought back). */
export type ImportResult = { imported: string[]; kept: string[]; done: string[] };

/** A claim that never lapses in the life of a deployment: each account of the document is imported once. */
const ONCE_SECONDS = 100 * 365 * 24 * 60 * 60;

const fingerprint = (id: string, account: Readonly<Record<string, unknown>>) =>
  createHash('sha256')
    .update(JSON.stringify([id, account]))
    .digest('base64url')
    .slice(0, 22);

const whom = (id: string, profile: Readonly<Record<string, string>>) =>
  profile.username ? `@${profile.username}` : (profile.identifier ?? profile.author ?? profile.pageId ?? id);

/**
 * The accounts document a developer wrote by hand, imported once as connected accounts: the secret sealed as
 * the access token (nothing can refresh it: she reconnects when it dies), the rest kept as the profile. A
 * network already connected is left as it is, and each account of the document is claimed once before it is
 * written (`claims`, shared by every run): the hourly job that imports an old secret never brings back an
 * account she disconnected since. A new token written into the document is a new account, imported once.
 */
export const importAccounts = async (
  document: Readonly<Record<string, DocumentAccount | undefined>>,
  deps: {
    accounts: ConnectedAccountStore;
    sealer: TokenSealer;
    clock: Clock;
    claims: Pick<RateLimits, 'cooldown'>;
  },
): Promise<ImportResult> => {
  const result: ImportResult = { imported: [], kept: [], done: [] };
  for (const [id, entry] of Object.entries(document)) {
    if (!entry) continue;
    if (await deps.accounts.get(id)) {
      result.kept.push(id);
      continue;
    }
    const claim = await deps.claims.cooldown(
      `import:social-account:${fingerprint(id, entry.account)}`,
      ONCE_SECONDS,
      deps.clock.now(),
    );
    if (!claim.ok) {
      result.done.push(id);
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
