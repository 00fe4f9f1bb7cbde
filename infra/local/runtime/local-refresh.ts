import type { Logger } from '../../../shared/ports/logger.ts';
import type { AccessDeps, AccountProvider } from '../../../shared/usecases/accounts/access-token.ts';
import {
  type KeepAliveChecks,
  keepAccountsAlive,
} from '../../../shared/usecases/accounts/keep-accounts-alive.ts';

/** How often one machine refreshes her connections: X's 2-hour tokens get several chances. */
export const LOCAL_REFRESH_INTERVAL_MS = 5 * 60_000;
/** A run late or slow still leaves the next one a token alive. */
const MARGIN_MS = 10 * 60_000;

/**
 * The scheduled refresh job of one machine: every few minutes, each connection whose token would die before
 * the next run (plus a margin) is refreshed, so the posts never wait on it and a dead grant is mailed early.
 * `run` is also what the dispatch calls before a Sunday starts.
 */
export const startLocalRefresh = (
  providers: () => readonly AccountProvider[],
  deps: AccessDeps,
  {
    logger,
    intervalMs = LOCAL_REFRESH_INTERVAL_MS,
    checks,
  }: { logger: Logger; intervalMs?: number; checks?: KeepAliveChecks },
) => {
  const run = async (aheadMs = intervalMs + MARGIN_MS) => {
    try {
      const outcome = await keepAccountsAlive(providers(), deps, aheadMs, checks);
      logger.info('connected accounts kept alive', { outcome });
      return outcome;
    } catch (error) {
      logger.error('connected accounts refresh failed', { error });
      return undefined;
    }
  };
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return { run, stop: () => clearInterval(timer) };
};
