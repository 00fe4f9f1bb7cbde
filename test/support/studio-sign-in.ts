import type { Page } from 'playwright-core';
import { mailsTo } from './mail-store.ts';

/** The magic link of the last sign-in mail to `author`, as the mail viewer (the SES stand-in's store) shows it. */
export const lastSignInLink = async (author: string) => {
  const text = (await mailsTo(author)).at(-1)?.body.text ?? '';
  const link = /http:\/\/127\.0\.0\.1:\d+\/studio\/sign-in\/[A-Za-z0-9_-]+/.exec(text)?.[0];
  if (!link) throw new Error(`no sign-in link in the last mail to ${author}`);
  return link;
};

/**
 * Her sign-in to the studio as she does it: her address on the sign-in page, the link from the mail, then
 * "Me connecter", until Cette semaine shows. `seen` is called on each page on the way (a test's screenshots).
 *
 * @example
 * await signInToStudio(page, { base, author });
 */
export const signInToStudio = async (
  page: Page,
  {
    base,
    author,
    seen = async () => {},
  }: {
    base: string;
    author: string;
    seen?: (step: 'sign-in' | 'sign-in-sent') => Promise<void>;
  },
) => {
  await page.goto(`${base}/studio`);
  await page.getByRole('heading', { name: 'Connexion au studio' }).waitFor();
  await seen('sign-in');
  await page.getByLabel('Adresse e-mail').fill(author);
  await page.getByRole('button', { name: 'Recevoir le lien' }).click();
  await page.getByRole('heading', { name: 'Vérifiez votre boîte aux lettres' }).waitFor();
  await seen('sign-in-sent');
  await page.goto(await lastSignInLink(author));
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await page.getByRole('heading', { name: 'Cette semaine' }).waitFor();
};
