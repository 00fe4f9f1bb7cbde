import { sundayOnOrAfter } from '../../shared/domain/calendar.ts';
import type { Context } from 'hono';
import { scheduleInWords } from '../../shared/domain/schedule-words.ts';
import { NETWORK_NAMES } from '../../shared/domain/social/network-names.ts';
import { SOCIAL_NETWORKS } from '../../shared/domain/social/networks.ts';
import { DeliverabilityPanel } from './deliverability-panel.tsx';
import { wordpressWebhookUrl } from '../config/wordpress-webhook-url.ts';
import { formatter } from '../../shared/i18n/studio/format.ts';
import { issueActionStrings } from '../../shared/i18n/studio/issue-action-strings.ts';
import { comingPlan, NextSend, PLAN_WEEKS } from './sunday-plan-view.tsx';
import { document, Layout } from './layout.tsx';
import type { StudioEnv } from './session.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import type { StudioDeps } from './studio-deps.ts';

/** The sign-up form for a WordPress.com Custom HTML block: a plain POST form, no script, labelled fields. */
export const signUpSnippet = (publicBaseUrl: string, language: 'fr' | 'en') =>
  `<form method="post" action="${publicBaseUrl}/subscribe">
  <label for="dimanche-email">${language === 'fr' ? 'Votre adresse e-mail' : 'Your email address'}</label>
  <input id="dimanche-email" name="email" type="email" autocomplete="email" required>
  <input type="hidden" name="language" value="${language}">
  <button type="submit">${language === 'fr' ? 'Je m’inscris' : 'Subscribe'}</button>
</form>`;

/** Réglages: the embeddable form, each network's state, the schedule, the blog's notification URL. */
export const settingsPage = async (c: Context<StudioEnv>, deps: StudioDeps) => {
  const { language } = deps.studio;
  const t = studioStrings(language).settings;
  const f = formatter(language, deps.settings.timeZone);
  const snippet = signUpSnippet(deps.settings.publicBaseUrl, language);
  const [latest] = await deps.issues.pageBySunday({ limit: 1 });
  const attempts = latest ? await deps.socialAttempts.list(latest.id) : [];
  // The true next send: the first coming Sunday whose issue will go out, not the schedule's next firing.
  const plan = await comingPlan(deps, sundayOnOrAfter(deps.clock.now(), deps.settings.timeZone), PLAN_WEEKS);
  const deliverability = await deps.studio.deliverability?.latest();
  // The address the route answers at: from the same secret the webhook route checks, so the two cannot differ.
  const webhookUrl = await wordpressWebhookUrl(deps.settings);
  const schedule = scheduleInWords(deps.studio.schedule, deps.settings.timeZone, language);
  return c.html(
    document(
      <Layout language={language} title={t.title} nav="settings" csrf={c.get('session').csrfToken}>
        <h1>{t.title}</h1>
        <section aria-labelledby="form-title">
          <h2 id="form-title">{t.form}</h2>
          <p>{t.formHelp}</p>
          <label for="snippet">HTML</label>
          <textarea id="snippet" rows={7} readonly>
            {snippet}
          </textarea>
          <p>
            <button type="button" data-copy="snippet" data-copied={t.copied}>
              {t.copy}
            </button>
          </p>
          <h3>{t.preview}</h3>
          <div class="card">
            <form method="post" action={`${deps.settings.publicBaseUrl}/subscribe`}>
              <label for="preview-email">
                {language === 'fr' ? 'Votre adresse e-mail' : 'Your email address'}
              </label>
              <input id="preview-email" name="email" type="email" autocomplete="email" />
              <p>
                <button type="button">{language === 'fr' ? 'Je m’inscris' : 'Subscribe'}</button>
              </p>
            </form>
          </div>
        </section>
        <section aria-labelledby="social-title">
          <h2 id="social-title">{t.social}</h2>
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.network}</th>
                  <th scope="col">{t.state}</th>
                  <th scope="col">{t.lastPost}</th>
                </tr>
              </thead>
              <tbody>
                {SOCIAL_NETWORKS.map((network) => {
                  const attempt = attempts.find((a) => a.network === network);
                  return (
                    <tr>
                      <td>{NETWORK_NAMES[network]}</td>
                      <td>
                        {deps.settings.social.networks.includes(network) ? t.connected : t.notConnected}
                      </td>
                      <td>
                        {attempt?.postUrl ? (
                          <a href={attempt.postUrl}>{f.short(attempt.updatedAt)}</a>
                        ) : attempt ? (
                          `${attempt.state}, ${f.short(attempt.updatedAt)}`
                        ) : (
                          t.noPost
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
        <DeliverabilityPanel report={deliverability} language={language} f={f} />
        <section aria-labelledby="schedule-title">
          <h2 id="schedule-title">{t.schedule}</h2>
          <p>
            {schedule
              ? t.scheduleWords(schedule)
              : t.scheduleLine(deps.studio.schedule, deps.settings.timeZone)}
          </p>
          <NextSend next={plan.next} at={plan.nextAt} a={issueActionStrings(language)} f={f} />
        </section>
        <section aria-labelledby="webhook-title">
          <h2 id="webhook-title">{t.webhook}</h2>
          {webhookUrl ? (
            <>
              <p>{t.webhookHelp}</p>
              <label for="webhook-url">{t.webhookLabel}</label>
              <input id="webhook-url" type="text" readonly value={webhookUrl} class="copyable" />
              <p>
                <button type="button" data-copy="webhook-url" data-copied={t.copied}>
                  {t.webhookCopy}
                </button>
              </p>
            </>
          ) : (
            <p>{t.webhookNone}</p>
          )}
        </section>
      </Layout>,
    ),
  );
};
