import type { Language } from '../../shared/domain/issue.ts';
import { scheduleInWords } from '../../shared/domain/schedule-words.ts';
import { NETWORK_NAMES } from '../../shared/domain/social/network-names.ts';
import { SOCIAL_NETWORKS, type SocialNetwork } from '../../shared/domain/social/networks.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import { issueActionStrings } from '../../shared/i18n/studio/issue-action-strings.ts';
import { signUpSnippet } from '../../shared/i18n/studio/sign-up-snippet.ts';
import { socialOutcomeStrings } from '../../shared/i18n/studio/social-outcome-strings.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import type { settingsView } from '../../shared/usecases/studio/settings-view.ts';
import type { NetworkState } from '../../shared/usecases/accounts/accounts-view.ts';
import { AccountActions, AccountsNotice, AccountState } from './accounts-section.tsx';
import { DeliverabilityPanel } from './deliverability-panel.tsx';
import { CopyButton } from './ui/copy-button.tsx';
import { document, Page } from './ui/layout.tsx';
import { Section } from './ui/section.tsx';
import { NextSend } from './sunday-plan-view.tsx';
import { publicUrls } from '../../shared/domain/public-urls.ts';

/** Réglages: the embeddable form, each network's state, the schedule, the blog's notification URL. */
export const settingsPage = (
  props: Awaited<ReturnType<typeof settingsView>> & {
    language: Language;
    f: Formatter;
    csrf: string;
    publicBaseUrl: string;
    connected: readonly SocialNetwork[];
    schedule: string;
    timeZone: string;
    /** Each network's connected account, where this runtime can connect them (else `connected` only). */
    networks?: readonly NetworkState[];
    notice?: { connected?: string | undefined; disconnected?: string | undefined };
  },
) => {
  const { language, f, csrf, publicBaseUrl, connected, attempts, plan, deliverability, webhookUrl } = props;
  const t = studioStrings(language).settings;
  const snippet = signUpSnippet(publicBaseUrl, language);
  const schedule = scheduleInWords(props.schedule, props.timeZone, language);
  return document(
    <Page language={language} title={t.title} nav="settings" csrf={csrf}>
      <Section id="form" title={t.form}>
        <p>{t.formHelp}</p>
        <label for="snippet">HTML</label>
        <textarea id="snippet" rows={7} readonly>
          {snippet}
        </textarea>
        <CopyButton source="snippet" copied={t.copied}>
          {t.copy}
        </CopyButton>
        <h3>{t.preview}</h3>
        <div class="card">
          <form method="post" action={publicUrls(publicBaseUrl).subscribe}>
            <label for="preview-email">
              {language === 'fr' ? 'Votre adresse e-mail' : 'Your email address'}
            </label>
            <input id="preview-email" name="email" type="email" autocomplete="email" />
            <p>
              <button type="button">{language === 'fr' ? 'Je m’inscris' : 'Subscribe'}</button>
            </p>
          </form>
        </div>
      </Section>
      <Section id="social" title={t.social}>
        <AccountsNotice networks={props.networks} notice={props.notice} language={language} />
        {/* One card a network: at 375 px her "Connecter" stays on screen, not in a table's scrolled-off column. */}
        <div class="cards">
          {SOCIAL_NETWORKS.map((network) => {
            const attempt = attempts.find((a) => a.network === network);
            const state = props.networks?.find((candidate) => candidate.network === network);
            return (
              <section class="card" aria-labelledby={`network-${network}`}>
                <h3 id={`network-${network}`}>{NETWORK_NAMES[network]}</h3>
                <p>
                  {state ? (
                    <AccountState state={state} language={language} f={f} />
                  ) : connected.includes(network) ? (
                    t.connected
                  ) : (
                    t.notConnected
                  )}
                </p>
                <p>
                  <small>
                    {t.lastPostLead}
                    {attempt?.postUrl ? (
                      <a href={attempt.postUrl}>{f.short(attempt.updatedAt)}</a>
                    ) : attempt ? (
                      `${socialOutcomeStrings(language).states[attempt.state].badge}, ${f.short(attempt.updatedAt)}`
                    ) : (
                      t.noPost
                    )}
                  </small>
                </p>
                {state ? <AccountActions state={state} language={language} csrf={csrf} /> : null}
              </section>
            );
          })}
        </div>
      </Section>
      <DeliverabilityPanel report={deliverability} language={language} f={f} />
      <Section id="schedule" title={t.schedule}>
        <p>{schedule ? t.scheduleWords(schedule) : t.scheduleLine(props.schedule, props.timeZone)}</p>
        <NextSend next={plan.next} at={plan.nextAt} a={issueActionStrings(language)} f={f} />
      </Section>
      <Section id="webhook" title={t.webhook}>
        {webhookUrl ? (
          <>
            <p>{t.webhookHelp}</p>
            <label for="webhook-url">{t.webhookLabel}</label>
            <input id="webhook-url" type="text" readonly value={webhookUrl} class="copyable" />
            <CopyButton source="webhook-url" copied={t.copied}>
              {t.webhookCopy}
            </CopyButton>
          </>
        ) : (
          <p>{t.webhookNone}</p>
        )}
      </Section>
    </Page>,
  );
};
