import type { Language } from '../../shared/domain/issue.ts';
import { NETWORK_NAMES } from '../../shared/domain/social/network-names.ts';
import type { SocialNetwork } from '../../shared/domain/social/networks.ts';
import { accountStrings } from '../../shared/i18n/studio/account-strings.ts';
import { ButtonLink } from './ui/button-link.tsx';
import { document, Page } from './ui/layout.tsx';
import { PostButton } from './ui/post-button.tsx';

const nameOf = (network: string) => NETWORK_NAMES[network as SocialNetwork] ?? network;

/**
 * A page that moves her on at once (a refresh, with a link in case it does not): to a network's consent page
 * after "Connecter" (a form's redirect to another origin is what the studio's `form-action 'self'` forbids),
 * and back into the studio after the network's callback (her session cookie is SameSite=Strict: it is not sent
 * on a redirect coming from the network's site, but is on this page's own navigation).
 */
export const onTheWayPage = (language: Language, title: string, to: string, csrf?: string) => {
  const a = accountStrings(language);
  return document(
    <Page language={language} title={title} nav={csrf ? 'settings' : undefined} {...(csrf ? { csrf } : {})}>
      <meta http-equiv="refresh" content={`0;url=${to}`} />
      <p>
        {a.onTheWayHelp} <ButtonLink href={to}>{a.continue}</ButtonLink>
      </p>
    </Page>,
  );
};

/** After consent where one sign-in posts as several accounts (Pages): she picks one; the hold is a reference. */
export const choosePage = (props: {
  language: Language;
  csrf: string;
  network: string;
  hold: string;
  choices: readonly { id: string; label: string }[];
}) => {
  const a = accountStrings(props.language);
  const name = nameOf(props.network);
  return document(
    <Page language={props.language} title={a.chooseTitle(name)} nav="settings" csrf={props.csrf}>
      <p>{a.chooseHelp}</p>
      {props.choices.length === 1 && a.onlyYourself[props.network] ? (
        <p class="muted">{a.onlyYourself[props.network]}</p>
      ) : null}
      <PostButton
        action={`/studio/accounts/${props.network}/choose`}
        csrf={props.csrf}
        hidden={{ hold: props.hold }}
        label={a.choose}
      >
        <fieldset>
          <legend>{a.chooseTitle(name)}</legend>
          {props.choices.map((choice, index) => (
            <label class="choice">
              <input type="radio" name="choice" value={choice.id} required checked={index === 0} />{' '}
              {choice.label}
            </label>
          ))}
        </fieldset>
      </PostButton>
      <p>
        <ButtonLink secondary href="/studio/settings#social">
          {a.backToSettings}
        </ButtonLink>
      </p>
    </Page>,
  );
};
