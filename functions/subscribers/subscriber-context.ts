import type { Context } from 'hono';
import type { SubscriberId } from '../../shared/domain/subscriber.ts';
import type { LinkPurpose } from '../../shared/ports/link-tokens.ts';
import type { PublicDeps } from '../app-deps.ts';
import { subscriberKeys } from '../../shared/adapters/crypto/subscriber-keys.ts';

/** What the subscriber routes share: the lazily built keys and the use-case dependencies. */
export const subscriberContext = (deps: PublicDeps) => {
  const keys = subscriberKeys(deps.settings.secrets, () => deps.clock.now());
  const useCaseDeps = async () => {
    const { ids, tokens } = await keys();
    return {
      store: deps.subscribers,
      clock: deps.clock,
      ids,
      tokens,
      mailer: deps.mailer,
      confirmationMail: deps.confirmationMail,
      sender: deps.sender,
    };
  };
  /** The subscriber a signed link is for, or undefined for a forged, altered, expired or misused token. */
  const verifiedId = async (c: Context, purpose: LinkPurpose): Promise<SubscriberId | undefined> => {
    const { tokens } = await keys();
    const verified = await tokens.verify(c.req.param('token') ?? '', purpose);
    return verified.ok ? verified.claims.subscriberId : undefined;
  };
  return { keys, useCaseDeps, verifiedId };
};

export type SubscriberContext = ReturnType<typeof subscriberContext>;
