import type { Subscriber } from '../../domain/subscriber.ts';
import type { ConfirmationMail } from '../../ports/confirmation-mail.ts';
import type { LinkTokens } from '../../ports/link-tokens.ts';
import type { Mailer, SendOutcome } from '../../ports/mailer.ts';

/** Long enough for a reader back from a weekend away; short enough that an old mail cannot confirm. */
export const CONFIRM_LINK_SECONDS = 7 * 24 * 3600;

export type ConfirmationDeps = {
  tokens: LinkTokens;
  mailer: Mailer;
  confirmationMail: ConfirmationMail;
  sender: { name: string; address: string };
};

/** The one mail a pending address ever gets. No List-Unsubscribe: it is not a list mail, and one is all it gets. */
export const sendConfirmation = async (
  subscriber: Subscriber,
  { tokens, mailer, confirmationMail, sender }: ConfirmationDeps,
): Promise<SendOutcome> => {
  const token = await tokens.sign(
    { purpose: 'confirm', subscriberId: subscriber.id },
    { expiresInSeconds: CONFIRM_LINK_SECONDS },
  );
  const mail = confirmationMail(subscriber.language, token);
  return mailer.send({
    from: sender,
    to: { address: subscriber.email },
    ...mail,
    tags: { kind: 'confirmation' },
  });
};
