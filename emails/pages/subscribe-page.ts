import { PUBLIC_PATHS } from '../../shared/domain/public-urls.ts';
import { html } from 'hono/html';
import type { Language } from '../../shared/domain/issue.ts';
import { LANGUAGE_NAMES } from '../../shared/i18n/public/language-names.ts';
import { layout } from './layout.ts';
import { CONSENT_TEXT_VERSION, PAGE_STRINGS } from '../../shared/i18n/public/page-strings.ts';

export type SubscribeFormState = { email?: string; name?: string; source?: string; emailError?: boolean };

/** The sign-up form. The honeypot field is off-screen and out of the tab order; people never fill it. */
export const subscribePage = (language: Language, state: SubscribeFormState = {}) => {
  const s = PAGE_STRINGS[language];
  return layout(
    language,
    s.subscribeTitle,
    html`<h1>${s.subscribeTitle}</h1>
      <p>${s.subscribeIntro}</p>
      <form method="post" action="${PUBLIC_PATHS.subscribe}" novalidate>
        <label for="email">${s.email}</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          required
          value="${state.email ?? ''}"
          ${state.emailError ? html`aria-invalid="true" aria-describedby="email-error"` : ''}
        />
        ${state.emailError ? html`<p id="email-error" class="error">${s.invalidEmail}</p>` : ''}
        <label for="name">${s.name}</label>
        <input
          id="name"
          name="name"
          type="text"
          autocomplete="given-name"
          maxlength="100"
          value="${state.name ?? ''}"
        />
        <label for="language">${s.language}</label>
        <select id="language" name="language">
          ${(['fr', 'en'] as const).map(
            (code) =>
              html`<option value="${code}" ${code === language ? 'selected' : ''}>
                ${LANGUAGE_NAMES[code]}
              </option>`,
          )}
        </select>
        <div class="hp" aria-hidden="true">
          <label for="website">${s.honeypot}</label>
          <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
        </div>
        <input type="hidden" name="consent_text_version" value="${CONSENT_TEXT_VERSION}" />
        <input type="hidden" name="source" value="${state.source ?? 'form'}" />
        <p class="consent">${s.consent}</p>
        <button type="submit">${s.subscribe}</button>
      </form>`,
  );
};
