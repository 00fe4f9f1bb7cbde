import { html } from 'hono/html';
import { PLATFORM_NAMES, PLATFORMS } from '../../shared/domain/platforms.ts';
import type { Subscriber } from '../../shared/domain/subscriber.ts';
import { LANGUAGE_NAMES } from '../../shared/i18n/public/language-names.ts';
import { layout } from './layout.ts';
import { PAGE_STRINGS } from '../../shared/i18n/public/page-strings.ts';

export type PreferencesView = {
  subscriber: Subscriber;
  action: string;
  saved?: boolean;
};

const radio = (name: string, value: string, label: string, checked: boolean) =>
  html`<label
    ><input type="radio" name="${name}" value="${value}" ${checked ? 'checked' : ''} /> ${label}</label
  >`;

const preferencesForm = (subscriber: Subscriber, action: string) => {
  const language = subscriber.language;
  const s = PAGE_STRINGS[language];
  const { platform, paused } = subscriber.preferences;
  return html`<form method="post" action="${action}">
    <fieldset>
      <legend>${s.language}</legend>
      ${radio('language', 'fr', LANGUAGE_NAMES.fr, language === 'fr')}
      ${radio('language', 'en', LANGUAGE_NAMES.en, language === 'en')}
    </fieldset>
    <label for="platform">${s.platform}</label>
    <select id="platform" name="platform">
      <option value="">${s.noPlatform}</option>
      ${PLATFORMS.map(
        (p) => html`<option value="${p}" ${p === platform ? 'selected' : ''}>${PLATFORM_NAMES[p]}</option>`,
      )}
    </select>
    <fieldset>
      <legend>${s.delivery}</legend>
      ${radio('delivery', 'active', s.active, !paused)} ${radio('delivery', 'paused', s.paused, paused)}
    </fieldset>
    <button type="submit">${s.save}</button>
  </form>`;
};

/**
 * Language, platform and pause in one form (an unsubscribed reader is told they can no longer be changed).
 * Below it, the data export and erasure, each behind a link mailed to the address: whoever holds this page's
 * link (a forwarded mail) cannot use them.
 */
export const preferencesPage = ({ subscriber, action, saved }: PreferencesView) => {
  const language = subscriber.language;
  const s = PAGE_STRINGS[language];
  return layout(
    language,
    s.preferencesTitle,
    html`<h1>${s.preferencesTitle}</h1>
      ${saved ? html`<p class="status" role="status">${s.saved}</p>` : ''}
      ${
        subscriber.status === 'unsubscribed'
          ? html`<p class="status">${s.unsubscribedPreferences}</p>`
          : preferencesForm(subscriber, action)
      }
      <h2>${s.yourData}</h2>
      <p class="hint" id="data-hint">${s.dataHint}</p>
      <form method="post" action="${action}/data">
        <input type="hidden" name="want" value="export" />
        <button type="submit" class="secondary" aria-describedby="data-hint">${s.askExport}</button>
      </form>
      <form method="post" action="${action}/data">
        <input type="hidden" name="want" value="erase" />
        <p class="hint" id="erase-hint">${s.eraseHint}</p>
        <button type="submit" class="secondary" aria-describedby="data-hint erase-hint">${s.askErase}</button>
      </form>`,
  );
};
