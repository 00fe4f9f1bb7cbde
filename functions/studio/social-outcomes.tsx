import type { Language } from '../../shared/domain/issue.ts';
import { NETWORK_NAMES } from '../../shared/domain/social/network-names.ts';
import { SOCIAL_NETWORKS, type SocialNetwork } from '../../shared/domain/social/networks.ts';
import type { SocialAttempt } from '../../shared/domain/social/social-attempt.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import { socialOutcomeStrings } from '../../shared/i18n/studio/social-outcome-strings.ts';

const GOOD = new Set(['published', 'duplicate']);
const BAD = new Set(['failed', 'needs_reconnect', 'unconfirmed']);

/**
 * One issue's announcement on each network: posted with its link, refused with why (in her language, the
 * network's own words folded beneath), skipped, or not yet.
 */
export const SocialOutcomes = (props: {
  language: Language;
  f: Formatter;
  attempts: readonly SocialAttempt[];
  connected: readonly SocialNetwork[];
}) => {
  const t = socialOutcomeStrings(props.language);
  return (
    <section aria-labelledby="social-title">
      <h2 id="social-title">{t.title}</h2>
      <ul class="outcomes">
        {SOCIAL_NETWORKS.map((network) => {
          const name = NETWORK_NAMES[network];
          const attempt = props.attempts.find((a) => a.network === network);
          const said = attempt
            ? t.states[attempt.state]
            : props.connected.includes(network)
              ? t.notYet
              : t.notConnected;
          const why = said.why(name, attempt?.notBefore ? props.f.short(attempt.notBefore) : '');
          const tone =
            attempt && GOOD.has(attempt.state) ? 'sent' : attempt && BAD.has(attempt.state) ? 'held' : '';
          return (
            <li data-network={network}>
              <strong>{name}</strong> <span class={`badge ${tone}`}>{said.badge}</span>
              {attempt?.postUrl ? (
                <>
                  {' '}
                  <a href={attempt.postUrl}>{t.open}</a>
                </>
              ) : null}
              {why ? <p class="why">{why}</p> : null}
              {attempt?.detail && BAD.has(attempt.state) ? (
                <details>
                  <summary>{t.technical}</summary>
                  <p lang="en">{attempt.detail}</p>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
};
