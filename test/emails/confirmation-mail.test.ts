import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildConfirmationModule } from '../../emails/confirmation-build.ts';
import { prerenderedConfirmationMail } from '../../functions/subscribers/confirmation-mail.ts';

describe('the pre-rendered confirmation mail', () => {
  it('is what the MJML template renders today (run `npm run build:emails` after changing it)', async () => {
    const committed = readFileSync(
      new URL('../../emails/generated/confirmation.ts', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(await buildConfirmationModule());
  });

  it('fills in the link and the series name, escaped for HTML and as they are in the text', () => {
    const compose = prerenderedConfirmationMail({
      publicBaseUrl: 'https://newsletter.example.org',
      seriesName: 'Sons & « Dimanches »',
    });
    const mail = compose('fr', 'abc.def-ghi_jk');
    expect(mail.subject).toBe('Confirmez votre abonnement à Sons & « Dimanches »');
    expect(mail.html).toContain('href="https://newsletter.example.org/confirm/abc.def-ghi_jk"');
    expect(mail.html).toContain('Sons &#38; « Dimanches »');
    expect(mail.text).toContain('https://newsletter.example.org/confirm/abc.def-ghi_jk');
    for (const part of [mail.subject, mail.html, mail.text]) expect(part).not.toContain('%%');
    expect(compose('en', 't').html).toContain('<html lang="en"');
  });
});
