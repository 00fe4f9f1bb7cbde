import { CONFIRMATION_MAILS, CONFIRMATION_TOKENS } from '../../emails/generated/confirmation.ts';
import { publicUrls } from '../../shared/domain/public-urls.ts';
import type { ConfirmationMail } from '../../shared/ports/confirmation-mail.ts';

const escapeHtml = (value: string): string => value.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The pre-rendered confirmation mail (see emails/confirmation-build.ts) with this deployment's name and the
 * reader's link put in by string replacement: microseconds, and no MJML in the API function.
 */
export const prerenderedConfirmationMail =
  ({ publicBaseUrl, seriesName }: { publicBaseUrl: string; seriesName: string }): ConfirmationMail =>
  (language, token) => {
    const url = publicUrls(publicBaseUrl).confirm(token);
    const mail = CONFIRMATION_MAILS[language];
    const fill = (template: string, escape: (value: string) => string) =>
      template
        .replaceAll(CONFIRMATION_TOKENS.confirmUrl, escape(url))
        .replaceAll(CONFIRMATION_TOKENS.seriesName, escape(seriesName));
    return {
      subject: fill(mail.subject, (v) => v),
      html: fill(mail.html, escapeHtml),
      text: fill(mail.text, (v) => v),
    };
  };
