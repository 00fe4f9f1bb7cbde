import { checkDue } from '../../domain/accounts/connected-account.ts';
import type { CheckAccess } from '../../ports/access-check.ts';
import { type AccessDeps, type AccessResult, type AccountProvider, accessToken } from './access-token.ts';

export type KeepAliveOutcome =
  'fresh' | 'refreshed' | 'checked' | Extract<AccessResult, { ok: false }>['error'];

export type KeepAliveChecks = {
  /** The network's check of a token that never expires, where it has one. */
  checkOf: (provider: string) => CheckAccess | undefined;
  everyMs?: number;
};

/**
 * The scheduled job, and the step before every Sunday's send: each connected account whose access token would
 * die within `aheadMs` (the time to the job's next run, or the campaign's length) is refreshed now, so no post
 * waits on a refresh and a dead grant is known, and mailed about, before Sunday rather than at send time. A
 * token that never expires is asked of its network every few hours instead: one found revoked turns
 * "à reconnecter" with her one mail, exactly as a refused refresh does.
 */
export const keepAccountsAlive = async (
  providers: readonly AccountProvider[],
  deps: AccessDeps,
  aheadMs: number,
  checks?: KeepAliveChecks,
): Promise<Record<string, KeepAliveOutcome>> => {
  const outcome: Record<string, KeepAliveOutcome> = {};
  for (const provider of providers) {
    const result = await accessToken(provider, deps, { aheadMs });
    if (!result.ok) outcome[provider.id] = result.error;
    else if (result.refreshed) outcome[provider.id] = 'refreshed';
    else {
      const check = checks?.checkOf(provider.id);
      outcome[provider.id] = check
        ? await checkStillOpen(provider, result.accessToken, check, deps, checks?.everyMs)
        : 'fresh';
    }
  }
  return outcome;
};

const checkStillOpen = async (
  provider: AccountProvider,
  token: string,
  check: CheckAccess,
  deps: AccessDeps,
  everyMs: number | undefined,
): Promise<KeepAliveOutcome> => {
  const account = await deps.accounts.get(provider.id);
  if (!account || !checkDue(account, deps.clock.now(), everyMs)) return 'fresh';
  const found = await check(account.profile ?? {}, token);
  if (found === 'revoked') {
    // The worker's path for a post refused with 401 or code 190: nothing can renew it, so it breaks, once.
    const after = await accessToken(provider, deps, { refused: token });
    return after.ok ? 'fresh' : after.error;
  }
  if (found === 'unknown') return 'fresh';
  // Lost to a concurrent write, the stamp only costs one more check next time.
  await deps.accounts.put(
    { ...account, checkedAt: deps.clock.now().toISOString(), version: account.version + 1 },
    account.version,
  );
  return 'checked';
};
