import { randomUUID } from 'node:crypto';
import { mailsTo } from '../support/mail-store.ts';
import { BASE_URL, testApp } from '../support/test-app.ts';

/** The local app with a unique author address, so this file's sign-in mails are its own in the SES stand-in. */
export const studioApp = async (
  options: Parameters<typeof testApp>[1] = {},
  env: Record<string, string> = {},
) => {
  const author = `autrice.${randomUUID().slice(0, 8)}@exemple.fr`;
  const t = await testApp({ AUTHOR_EMAIL: author, ...env }, options);
  const form = (fields: Record<string, string>, cookie?: string) => ({
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
  /** The token of the newest sign-in link mailed to `address`. */
  const lastLinkTo = async (address: string) => {
    const mails = await mailsTo(address);
    const text = mails.at(-1)?.body.text ?? '';
    return /\/studio\/sign-in\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
  };
  const signIn = async () => {
    await t.app.request('/studio/sign-in', form({ email: author }));
    const token = await lastLinkTo(author);
    const answer = await t.app.request(`/studio/sign-in/${token}`, { method: 'POST' });
    const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const page = await (await t.app.request('/studio', { headers: { cookie } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    return { cookie, csrf, answer, token: token ?? '' };
  };
  return { ...t, author, form, lastLinkTo, signIn, base: BASE_URL };
};
