import { type AccessDeps, type AccessResult, type AccountProvider, accessToken } from './access-token.ts';

export type KeepAliveOutcome = 'fresh' | 'refreshed' | Extract<AccessResult, { ok: false }>['error'];

/**
 * The scheduled job, and the step before every Sunday's send: each connected account whose access token would
 * die within `aheadMs` (the time to the job's next run, or the campaign's length) is refreshed now, so no post
 * waits on a refresh and a dead grant is known, and mailed about, before Sunday rather than at send time.
 */
export const keepAccountsAlive = async (
  providers: readonly AccountProvider[],
  deps: AccessDeps,
  aheadMs: number,
): Promise<Record<string, KeepAliveOutcome>> => {
  const outcome: Record<string, KeepAliveOutcome> = {};
  for (const provider of providers) {
    const result = await accessToken(provider, deps, { aheadMs });
    outcome[provider.id] = result.ok ? (result.refreshed ? 'refreshed' : 'fresh') : result.error;
  }
  return outcome;
};
