import { type AccessDeps, type AccessResult, type AccountProvider, accessToken } from './access-token.ts';

/** A connected account as its publisher needs it: the network's non-secret fields and a token alive now. */
export type LiveAccount = {
  profile: Readonly<Record<string, string>>;
  accessToken: string;
  expiresAt?: string;
};

export type Unavailable = Extract<AccessResult, { ok: false }>['error'];

export type LiveAccounts = {
  live: Partial<Record<string, LiveAccount>>;
  /** Why a network has no account now: not connected, "à reconnecter", or its refresh under way or failing. */
  unavailable: Partial<Record<string, Unavailable>>;
};

/**
 * Each network's connected account with a live token (refreshed first when it is about to die, see
 * accessToken): what the social worker posts with. A network that cannot post now is named with the reason.
 */
export const liveAccounts = async (
  providers: readonly AccountProvider[],
  deps: AccessDeps,
): Promise<LiveAccounts> => {
  const found: LiveAccounts = { live: {}, unavailable: {} };
  for (const provider of providers) {
    const result = await accessToken(provider, deps);
    // Read after: a refresh just saved the token's new expiry.
    const account = result.ok ? await deps.accounts.get(provider.id) : undefined;
    if (!result.ok || !account) {
      found.unavailable[provider.id] = result.ok ? 'not_connected' : result.error;
      continue;
    }
    found.live[provider.id] = {
      profile: account.profile ?? {},
      accessToken: result.accessToken,
      ...(account.accessExpiresAt ? { expiresAt: account.accessExpiresAt } : {}),
    };
  }
  return found;
};
