/** The sign-up form for a WordPress.com Custom HTML block: a plain POST form, no script, labelled fields. */
export const signUpSnippet = (publicBaseUrl: string, language: 'fr' | 'en') =>
  `<form method="post" action="${publicBaseUrl}/subscribe">
  <label for="dimanche-email">${language === 'fr' ? 'Votre adresse e-mail' : 'Your email address'}</label>
  <input id="dimanche-email" name="email" type="email" autocomplete="email" required>
  <input type="hidden" name="language" value="${language}">
  <button type="submit">${language === 'fr' ? 'Je m’inscris' : 'Subscribe'}</button>
</form>`;
