import type { Language } from '../../shared/domain/issue.ts';
import { NETWORK_NAMES } from '../../shared/domain/social/network-names.ts';
import { SOCIAL_NETWORKS, type SocialNetwork } from '../../shared/domain/social/networks.ts';
import type { SocialAttempt } from '../../shared/domain/social/social-attempt.ts';
import { socialOutcome } from '../../shared/domain/studio/social-outcome.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import { socialOutcomeStrings } from '../../shared/i18n/studio/social-outcome-strings.ts';
import { Badge } from './ui/badge.tsx';
import { Section } from './ui/section.tsx';

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
    <Section id="social" title={t.title}>
      <ul class="outcomes">
        {SOCIAL_NETWORKS.map((network) => {
          const name = NETWORK_NAMES[network];
          const outcome = socialOutcome(network, props.attempts, props.connected);
          const { attempt, tone, detail } = outcome;
          const said =
            outcome.said === 'notYet' || outcome.said === 'notConnected'
              ? t[outcome.said]
              : t.states[outcome.said];
          const why = said.why(name, attempt?.notBefore ? props.f.short(attempt.notBefore) : '');
          return (
            <li data-network={network}>
              <strong>{name}</strong> <Badge tone={tone}>{said.badge}</Badge>
              {attempt?.postUrl ? (
                <>
                  {' '}
                  <a href={attempt.postUrl}>{t.open}</a>
                </>
              ) : null}
              {why ? <p class="why">{why}</p> : null}
              {detail ? (
                <details>
                  <summary>{t.technical}</summary>
                  <p lang="en">{detail}</p>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Section>
  );
};
