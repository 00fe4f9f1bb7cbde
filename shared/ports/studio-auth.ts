/**
 * The studio's sign-in links and sessions, kept by the hash of their secret only: a copy of the table holds no
 * usable link or cookie. Each change is one conditional write (dynalite has no transactions).
 */
export type SignInLink = { hash: string; email: string; expiresAt: string };

export type StudioSession = {
  hash: string;
  email: string;
  /** The synchronizer token every state-changing form carries. */
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
};

export type StudioAuthStore = {
  saveLink: (link: SignInLink) => Promise<void>;
  /** Marks the link used if it exists, is unused and unexpired at `now`: true once, for one caller. */
  consumeLink: (hash: string, now: string) => Promise<SignInLink | undefined>;
  saveSession: (session: StudioSession) => Promise<void>;
  getSession: (hash: string) => Promise<StudioSession | undefined>;
  endSession: (hash: string) => Promise<void>;
};
