/** One account a sign-in can post as, when the network offers several (a Facebook Page, a LinkedIn page). */
export type AccountChoice = {
  id: string;
  /** How she recognises it: `@dimanche_fm`, a Page's name. */
  label: string;
  /** The network's non-secret account fields for this choice (the publisher's account minus its secret). */
  profile: Readonly<Record<string, string>>;
  /** Its own token, where the network gives one per account (a Facebook Page token); else the sign-in's. */
  accessToken?: string;
};

/**
 * Whom a token belongs to, asked of the network (X `/2/users/me`, Mastodon `verify_credentials`…). `choices`:
 * she picks which of them Dimanche posts as before anything is saved.
 */
export type Identity =
  | {
      ok: true;
      label: string;
      profile: Readonly<Record<string, string>>;
      choices?: readonly AccountChoice[];
    }
  | { ok: false; error: 'refused' | 'unavailable'; detail: string };

/** One network's identity call, for a live access token. */
export type IdentifyAccount = (accessToken: string) => Promise<Identity>;

/** What opening a Bluesky session with her handle and app password told: who she is, where her account lives. */
export type SessionCheck =
  { ok: true; handle: string; service: string } | { ok: false; error: 'refused' | 'unavailable' };
