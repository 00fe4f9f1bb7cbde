import type { SocialAccounts } from '../../../shared/adapters/social/social-accounts.ts';
import type { SocialNetwork } from '../../../shared/domain/social/networks.ts';
import type { AccountProvider } from '../../../shared/usecases/accounts/access-token.ts';
import type { LocalConnection } from '../oauth/local-sign-in.ts';
import { SOCIAL_STAND_INS } from './stand-ins.ts';
import { startStandIns } from './start-stand-ins.ts';

export type SocialFakes = {
  urls: Record<SocialNetwork, string>;
  /** Accounts that the fakes accept: what `npm start` and the tests configure. */
  accounts: Required<SocialAccounts>;
  providers: Record<SocialNetwork, AccountProvider>;
  close: () => Promise<void>;
};

/** One fake per network on 127.0.0.1, on free ports unless given; connected into `into` when given. */
export const startSocialFakes = (
  ports: Partial<Record<SocialNetwork, number>> = {},
  into?: LocalConnection,
): Promise<SocialFakes> => startStandIns(SOCIAL_STAND_INS, ports, into);
