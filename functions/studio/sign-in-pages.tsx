import type { Language } from '../../shared/domain/issue.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import { document, Layout } from './layout.tsx';

/** One line of news about her sign-in (link sent, refused, signed out), with a way to ask again. */
export const signInMessage = (props: { language: Language; title: string; text: string; again?: boolean }) =>
  document(
    <Layout language={props.language} title={props.title}>
      <h1>{props.title}</h1>
      <p role="status">{props.text}</p>
      {props.again ? <a href="/studio/sign-in">{studioStrings(props.language).signIn.again}</a> : null}
    </Layout>,
  );

/** The form that mails her a link. */
export const signInPage = (language: Language) => {
  const t = studioStrings(language).signIn;
  return document(
    <Layout language={language} title={t.title}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <form method="post" action="/studio/sign-in">
        <label for="email">{t.email}</label>
        <input id="email" name="email" type="email" autocomplete="email" required />
        <p>
          <button type="submit">{t.button}</button>
        </p>
      </form>
    </Layout>,
  );
};

/** The link's landing page: a button, since a GET must not use up the one sign-in. */
export const signInConfirmPage = (language: Language, token: string) => {
  const t = studioStrings(language).signIn;
  return document(
    <Layout language={language} title={t.confirmTitle}>
      <h1>{t.confirmTitle}</h1>
      <p>{t.confirm}</p>
      <form method="post" action={`/studio/sign-in/${encodeURIComponent(token)}`}>
        <button type="submit">{t.confirmButton}</button>
      </form>
    </Layout>,
  );
};
