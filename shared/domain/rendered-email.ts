/** The email as rendered once per revision, before any recipient's details are put in. */
export type RenderedEmail = { subject: string; html: string; text: string };

/** Rendered once per revision: the email, and the same issue as a public web page (no unsubscribe footer). */
export type RenderedIssue = RenderedEmail & { webHtml: string };

/**
 * Placeholders the templates leave for personalisation. They are plain text, so they survive MJML,
 * and filling them is a string replace per recipient instead of a render.
 */
export const PLACEHOLDERS = {
  unsubscribeUrl: '%%DIMANCHE_UNSUBSCRIBE_URL%%',
  preferencesUrl: '%%DIMANCHE_PREFERENCES_URL%%',
} as const;

export type Personalisation = { unsubscribeUrl: string; preferencesUrl: string };

export const personalise = (email: RenderedEmail, values: Personalisation): RenderedEmail => ({
  subject: email.subject,
  html: fill(email.html, values, escapeAttribute),
  text: fill(email.text, values, (url) => url),
});

const fill = (body: string, values: Personalisation, encode: (url: string) => string): string =>
  body
    .replaceAll(PLACEHOLDERS.unsubscribeUrl, encode(values.unsubscribeUrl))
    .replaceAll(PLACEHOLDERS.preferencesUrl, encode(values.preferencesUrl));

const escapeAttribute = (url: string): string => url.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
