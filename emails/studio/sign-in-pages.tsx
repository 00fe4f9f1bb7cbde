import type { Language } from '../../shared/domain/issue.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import { document, Page } from './ui/layout.tsx';
import { PostButton } from './ui/post-button.tsx';

/** One line of news about her sign-in (link sent, refused, signed out), with a way to ask again. */
export const signInMessage = (props: { language: Language; title: string; text: string; again?: boolean }) =>
  document(
    <Page language={props.language} title={props.title}>
      <p role="status">{props.text}</p>
      {props.again ? <a href="/studio/sign-in">{studioStrings(props.language).signIn.again}</a> : null}
    </Page>,
  );

/** The form that mails her a link. */
export const signInPage = (language: Language) => {
  const t = studioStrings(language).signIn;
  return document(
    <Page language={language} title={t.title}>
      <p>{t.intro}</p>
      <form method="post" action="/studio/sign-in">
        <label for="email">{t.email}</label>
        <input id="email" name="email" type="email" autocomplete="email" required />
        <p>
          <button type="submit">{t.button}</button>
        </p>
      </form>
    </Page>,
  );
};

/** The link's landing page: a button, since a GET must not use up the one sign-in. */
export const signInConfirmPage = (language: Language, token: string) => {
  const t = studioStrings(language).signIn;
  return document(
    <Page language={language} title={t.confirmTitle}>
      <p>{t.confirm}</p>
      <PostButton action={`/studio/sign-in/${encodeURIComponent(token)}`} label={t.confirmButton} />
    </Page>,
  );
};
