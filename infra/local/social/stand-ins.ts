import type { SOCIAL_ADAPTERS } from '../../../shared/adapters/social/adapters.ts';
import type { AccountOf } from '../../../shared/adapters/social/network-adapter.ts';
import type { SocialNetwork } from '../../../shared/domain/social/networks.ts';
import { blueskyStandIn } from './bluesky/stand-in.ts';
import { facebookStandIn } from './facebook/stand-in.ts';
import { linkedInStandIn } from './linkedin/stand-in.ts';
import { mastodonStandIn } from './mastodon/stand-in.ts';
import type { StandIn } from './stand-in.ts';
import { threadsStandIn } from './threads/stand-in.ts';
import { xStandIn } from './x/stand-in.ts';

/** Each network of the registry with its fake (infra/local/social/<id>/): one missing fails to compile. */
export const SOCIAL_STAND_INS = {
  mastodon: mastodonStandIn,
  bluesky: blueskyStandIn,
  x: xStandIn,
  linkedin: linkedInStandIn,
  facebook: facebookStandIn,
  threads: threadsStandIn,
} satisfies { [Id in SocialNetwork]: StandIn<AccountOf<(typeof SOCIAL_ADAPTERS)[Id]>> };
