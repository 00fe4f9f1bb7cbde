import { oauthProviderFor, type OperatorApp, type SignIn } from '../../domain/accounts/sign-in.ts';
import type { AccountProvider } from './access-token.ts';

/**
 * Who can refresh each network's connected account: the OAuth provider of its sign-in with the operator's app,
 * or only its id where nothing refreshes (no app registered, an app password, a Mastodon instance's token,
 * which does not expire). `origin` moves every endpoint to one machine's fake.
 */
export const accountProviders = (
  rows: readonly { id: string; signIn: SignIn }[],
  apps: Partial<Record<string, OperatorApp>>,
  options: { origin?: (id: string) => string | undefined } = {},
): AccountProvider[] =>
  rows.map((row) => {
    const app = apps[row.id];
    const origin = options.origin?.(row.id);
    const provider = app && oauthProviderFor(row.id, row.signIn, app, origin ? { origin } : {});
    return provider ?? { id: row.id };
  });
