import { describe, expect, it } from 'vitest';
import { CLIP_WARNING_BYTES, GMAIL_CLIP_BYTES, mailSizeWarning } from '../../shared/domain/mail-size.ts';
import { WARNING_BANNER_MARK } from '../../shared/domain/music/warning-banner.ts';
import { examplePostBody } from '../builders/issue.ts';
import { signedPost } from '../support/signed-request.ts';
import { admin, testApp } from '../support/test-app.ts';

const previewOf = async (story: string) => {
  const t = await testApp();
  const posted = await t.app.request('/webhooks/posts', signedPost({ ...examplePostBody(), story }));
  expect(posted.status).toBeLessThan(300);
  const preview = await t.app.request('/admin/issues/iss_34/preview', admin);
  expect(preview.status).toBe(200);
  return preview.text();
};

const paragraphs = (bytes: number) =>
  Array.from(
    { length: Math.ceil(bytes / 200) },
    (_, i) => `<p>Paragraphe ${i} : ${'la mer, le vent. '.repeat(10)}</p>`,
  ).join('');

describe('the preview’s warning about Gmail clipping the mail', () => {
  it('appears in the banner for an oversized issue', async () => {
    const html = await previewOf(paragraphs(120_000));
    expect(html).toContain(WARNING_BANNER_MARK);
    // In AUTHOR_LANGUAGE (French by default), with the clipped size and Gmail's limit.
    expect(html).toMatch(
      /Cet e-mail pèse 1\d\d\u00a0Ko\u00a0: Gmail le coupe après 102\u00a0Ko et masque la suite, lien de désinscription compris/,
    );
    expect(html).toContain('À vérifier sur ce numéro.');
  }, 60_000);

  it('is not there for the real issue, far from the limit', async () => {
    const html = await previewOf(examplePostBody().story as string);
    expect(html).not.toContain('Gmail');
  }, 60_000);

  it('starts at 90 % of the limit, and says when it is over', () => {
    expect(mailSizeWarning('a'.repeat(CLIP_WARNING_BYTES - 1))).toBeUndefined();
    expect(mailSizeWarning('a'.repeat(CLIP_WARNING_BYTES))).toEqual({
      kilobytes: 92,
      limitKilobytes: 102,
      clipped: false,
    });
    // Bytes, not characters: "é" is two in UTF-8.
    expect(mailSizeWarning('é'.repeat(Math.ceil(GMAIL_CLIP_BYTES / 2)))).toMatchObject({ clipped: true });
  });
});
