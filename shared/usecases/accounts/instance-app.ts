import type { OperatorApp } from '../../domain/accounts/sign-in.ts';
import type { Clock } from '../../ports/clock.ts';
import type { AppRegistrar, InstanceAppStore } from '../../ports/instance-apps.ts';
import type { TokenSealer } from '../../ports/token-sealer.ts';

export type InstanceAppDeps = {
  apps: InstanceAppStore;
  register: AppRegistrar;
  sealer: TokenSealer;
  clock: Clock;
};

export type InstanceAppResult =
  { ok: true; app: OperatorApp; registered: boolean } | { ok: false; error: 'refused' | 'unavailable' };

/**
 * The app to sign in with on her instance: the one kept for it, or one registered now and kept. The redirect
 * address and scopes are part of the registration: an instance refuses any other at its consent page.
 */
export const instanceApp = async (
  instanceUrl: string,
  request: { clientName: string; redirectUri: string; scopes: readonly string[]; website?: string },
  deps: InstanceAppDeps,
): Promise<InstanceAppResult> => {
  const instance = new URL(instanceUrl).origin;
  const open = async (found: { clientId: string; sealedSecret: string }) => ({
    clientId: found.clientId,
    clientSecret: await deps.sealer.open(found.sealedSecret),
  });
  const kept = await deps.apps.get(instance, request.redirectUri);
  if (kept) return { ok: true, app: await open(kept), registered: false };
  const answer = await deps.register(instance, request);
  if (!answer.ok) return { ok: false, error: answer.error };
  const app = {
    instance,
    clientId: answer.clientId,
    sealedSecret: await deps.sealer.seal(answer.clientSecret),
    redirectUri: request.redirectUri,
    scopes: request.scopes,
    registeredAt: deps.clock.now().toISOString(),
  };
  if (await deps.apps.putIfAbsent(app))
    return {
      ok: true,
      app: { clientId: answer.clientId, clientSecret: answer.clientSecret },
      registered: true,
    };
  // Another connect registered one at the same moment: theirs is kept, so theirs is used.
  const winner = await deps.apps.get(instance, request.redirectUri);
  return winner
    ? { ok: true, app: await open(winner), registered: false }
    : { ok: false, error: 'unavailable' };
};
