/**
 * Dimanche's developer app on one Mastodon instance, registered there on the fly the first time someone
 * connects an account of that instance, and kept: never one per connect (instances rate-limit registration,
 * and every app is a row their admins see). The secret is sealed like a token.
 */
export type InstanceApp = {
  /** The instance's origin: `https://piaille.fr`. */
  instance: string;
  clientId: string;
  sealedSecret: string;
  redirectUri: string;
  scopes: readonly string[];
  registeredAt: string;
};

/** Kept per instance and redirect address: a studio moved to a new address registers anew. */
export type InstanceAppStore = {
  get: (instance: string, redirectUri: string) => Promise<InstanceApp | undefined>;
  /** false: another connect registered one first; read it and use that one. */
  putIfAbsent: (app: InstanceApp) => Promise<boolean>;
};

export type AppRegistration =
  | { ok: true; clientId: string; clientSecret: string }
  | { ok: false; error: 'refused' | 'unavailable'; detail: string };

/** The instance's `POST /api/v1/apps`. */
export type AppRegistrar = (
  instance: string,
  app: { clientName: string; redirectUri: string; scopes: readonly string[]; website?: string },
) => Promise<AppRegistration>;
