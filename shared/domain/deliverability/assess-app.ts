import { isSocialNetwork } from '../social/networks.ts';
import { NETWORK_NAMES } from '../social/network-names.ts';
import type { Probed, SocialTokenFacts } from './account-facts.ts';
import { type HealthItem, item, unanswered } from './health-item.ts';

/** The network as it writes its own name ("Bluesky", "LinkedIn"); an id the registry lacks, as given. */
const nameOf = (network: string) => (isSocialNetwork(network) ? NETWORK_NAMES[network] : network);

/** Each enabled network's token, read with it: a refused token means no announcement on Sunday. */
export const assessSocial = (social: Probed<readonly SocialTokenFacts[]>): HealthItem[] => {
  if (!social.ok)
    return [unanswered('social', { en: 'Social accounts', fr: 'Comptes des réseaux' }, social.error)];
  return social.value.map(({ network, ok, detail }) => {
    const name = nameOf(network);
    return ok
      ? item(`social_${network}`, 'ok', `${name}: token accepted`, `${name} : jeton accepté`)
      : item(
          `social_${network}`,
          'fail',
          `${name}: the token is refused (${detail}); reconnect the account and put the new token in SocialAccountsSecretArn`,
          `${name} : le jeton est refusé (${detail}) ; reconnectez le compte et mettez le nouveau jeton dans le secret des comptes`,
        );
  });
};

/** The secret entries the app reads, filled. */
export const assessSecrets = (empty: Probed<readonly string[]>): HealthItem[] => {
  if (!empty.ok) return [unanswered('secrets', { en: 'Secrets', fr: 'Secrets' }, empty.error)];
  return [
    empty.value.length === 0
      ? item('secrets', 'ok', 'Secrets: filled', 'Secrets : remplis')
      : item(
          'secrets',
          'fail',
          `Secrets left empty: ${empty.value.join(', ')}; fill them (docs/deploy.md, step 6)`,
          `Secrets laissés vides : ${empty.value.join(', ')} ; remplissez-les (docs/deploy.md, étape 6)`,
        ),
  ];
};
