/**
 * Whether a token the network never expires still opens her account, asked with the network's cheapest
 * authenticated read. `revoked`: the network says the token is dead (she changed her password, removed the app,
 * lost her role on the Page); `unknown`: no answer worth acting on (down, rate limited, another error).
 */
export type AccessCheck = 'live' | 'revoked' | 'unknown';

/** One network's check, for the account's non-secret fields (its API's address, a Page id) and its live token. */
export type CheckAccess = (
  profile: Readonly<Record<string, string>>,
  accessToken: string,
) => Promise<AccessCheck>;
