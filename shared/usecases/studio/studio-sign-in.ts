import { createHash, randomBytes } from 'node:crypto';
import type { EmailAddress } from '../../domain/email-address.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Mailer } from '../../ports/mailer.ts';
import type { StudioAuthStore, StudioSession } from '../../ports/studio-auth.ts';

/** A link lives 15 minutes: long enough to reach the mailbox, short enough that an old mail is worthless. */
export const LINK_MINUTES = 15;
export const SESSION_HOURS = 12;

export const secretHash = (secret: string) => createHash('sha256').update(secret).digest('base64url');
const freshSecret = () => randomBytes(32).toString('base64url');

export type SignInMail = (link: string) => { subject: string; html: string; text: string };

export type SignInDeps = {
  authorEmail: EmailAddress;
  auth: StudioAuthStore;
  mailer: Mailer;
  sender: { name: string; address: string };
  clock: Clock;
  linkUrl: (token: string) => string;
  mail: SignInMail;
  secret?: () => string;
};

/**
 * A sign-in link mailed to the author, and only to her: another address gets the same answer and no mail, so
 * the form tells nobody who the author is. `sent` is for the logs, never for the page.
 */
export const requestSignIn = async (address: EmailAddress | undefined, deps: SignInDeps) => {
  if (address !== deps.authorEmail) return { sent: false as const };
  const token = (deps.secret ?? freshSecret)();
  const now = deps.clock.now();
  await deps.auth.saveLink({
    hash: secretHash(token),
    email: address,
    expiresAt: new Date(now.getTime() + LINK_MINUTES * 60_000).toISOString(),
  });
  const outcome = await deps.mailer.send({
    from: deps.sender,
    to: { address },
    ...deps.mail(deps.linkUrl(token)),
  });
  return { sent: outcome.kind === 'sent' };
};

/** The link's token for a session: once, before it expires, else nothing. */
export const completeSignIn = async (
  token: string,
  deps: Pick<SignInDeps, 'auth' | 'clock' | 'secret'>,
): Promise<{ session: StudioSession; cookie: string } | undefined> => {
  const now = deps.clock.now();
  const link = await deps.auth.consumeLink(secretHash(token), now.toISOString());
  if (!link) return undefined;
  const cookie = (deps.secret ?? freshSecret)();
  const session: StudioSession = {
    hash: secretHash(cookie),
    email: link.email,
    csrfToken: (deps.secret ?? freshSecret)(),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
  };
  await deps.auth.saveSession(session);
  return { session, cookie };
};

/** The session behind a cookie, while it lasts. */
export const currentSession = async (
  cookie: string | undefined,
  deps: Pick<SignInDeps, 'auth' | 'clock'>,
): Promise<StudioSession | undefined> => {
  if (!cookie) return undefined;
  const session = await deps.auth.getSession(secretHash(cookie));
  if (!session || session.expiresAt <= deps.clock.now().toISOString()) return undefined;
  return session;
};
