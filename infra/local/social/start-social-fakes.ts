import type { SocialAccounts } from '../../../shared/adapters/social/social-accounts.ts';
import type { SocialNetwork } from '../../../shared/domain/social/networks.ts';
import { SOCIAL_STAND_INS } from './stand-ins.ts';
import { startStandIns } from './start-stand-ins.ts';

export type SocialFakes = {
  urls: Record<SocialNetwork, string>;
  /** Accounts that the fakes accept: what `npm start` and the tests configure. */
  accounts: Required<SocialAccounts>;
  close: () => Promise<void>;
};

/** One fake per network on 127.0.0.1, on free ports unless given. */
export const startSocialFakes = (ports: Partial<Record<SocialNetwork, number>> = {}): Promise<SocialFakes> =>
  startStandIns(SOCIAL_STAND_INS, ports);
