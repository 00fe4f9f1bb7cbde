import type { ConnectedAccount } from '../../domain/accounts/connected-account.ts';
import type { SessionCheck } from '../../ports/account-identity.ts';
import { type SaveDeps, saveConnected } from './save-connected.ts';

export type AppPasswordDeps = SaveDeps & {
  /** createSession on her PDS (rate-limited: one call per connect, never a retry loop). */
  openSession: (identifier: string, password: string) => Promise<SessionCheck>;
};

/** Bluesky's app passwords: four groups of four letters or digits, as the network makes them. */
const APP_PASSWORD = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/i;
const HANDLE = /^(did:[a-z]+:[a-zA-Z0-9._:%-]+|([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,})$/i;

export type AppPasswordResult =
  | { ok: true; account: ConnectedAccount }
  | {
      ok: false;
      /**
       * `invalid_handle`; `not_app_password`: it is not shaped like an app password, so it may be her main
       * password, which is never sent; `refused`: the network said no; `unavailable`: it did not answer.
       */
      error: 'invalid_handle' | 'not_app_password' | 'refused' | 'unavailable';
    };

/**
 * Bluesky's "Connecter": her handle and an app password made for Dimanche, checked by opening a session, then
 * kept sealed (the publisher opens its own sessions with it and refreshes them).
 */
export const connectWithAppPassword = async (
  network: string,
  form: { handle: string; password: string },
  deps: AppPasswordDeps,
): Promise<AppPasswordResult> => {
  const handle = form.handle.trim().replace(/^@/, '').toLowerCase();
  const password = form.password.trim();
  if (!HANDLE.test(handle)) return { ok: false, error: 'invalid_handle' };
  if (!APP_PASSWORD.test(password)) return { ok: false, error: 'not_app_password' };
  const session = await deps.openSession(handle, password);
  if (!session.ok) return { ok: false, error: session.error };
  const who = {
    label: `@${session.handle}`,
    profile: { baseUrl: session.service, identifier: session.handle },
  };
  return { ok: true, account: await saveConnected(network, who, { accessToken: password }, deps) };
};
