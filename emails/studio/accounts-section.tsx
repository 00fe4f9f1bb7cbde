import type { Language } from '../../shared/domain/issue.ts';
import { NETWORK_NAMES } from '../../shared/domain/social/network-names.ts';
import type { SocialNetwork } from '../../shared/domain/social/networks.ts';
import { accountStrings } from '../../shared/i18n/studio/account-strings.ts';
import { blueskyStrings } from '../../shared/i18n/studio/bluesky-strings.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import type { NetworkState } from '../../shared/usecases/accounts/accounts-view.ts';
import { Notice } from './ui/notes.tsx';
import { PostButton } from './ui/post-button.tsx';

const BLUESKY_APP_PASSWORDS = 'https://bsky.app/settings/app-passwords';

const nameOf = (network: string) => NETWORK_NAMES[network as SocialNetwork] ?? network;

/**
 * How long the access lasts, as far as she must act: nothing to say of one to reconnect (its error says it),
 * a token Dimanche renews, one that dies on a date (LinkedIn's: she reconnects before), one that never expires
 * (and when the network last said it still opens her account).
 */
const validity = (
  account: NonNullable<NetworkState['account']>,
  a: ReturnType<typeof accountStrings>,
  f: Formatter,
) => {
  if (account.state === 'to_reconnect') return undefined;
  if (account.canRefresh) return a.renewed;
  if (account.accessExpiresAt) return a.validUntil(f.short(account.accessExpiresAt));
  return account.checkedAt ? `${a.noExpiry}, ${a.checkedOn(f.short(account.checkedAt))}` : a.noExpiry;
};

/** Whom it is connected as, until when, and the last error in her words. */
export const AccountState = (props: { state: NetworkState; language: Language; f: Formatter }) => {
  const a = accountStrings(props.language);
  const { account } = props.state;
  if (!account) return <>{a.notConnected}</>;
  const until = validity(account, a, props.f);
  const error = account.lastError ? (a.errors[account.lastError] ?? a.errors.other) : undefined;
  return (
    <>
      <strong>{account.state === 'to_reconnect' ? a.toReconnect : a.connectedAs(account.label)}</strong>
      {account.state === 'to_reconnect' ? ` (${account.label})` : null}
      {until ? (
        <>
          <br />
          <small>{until}</small>
        </>
      ) : null}
      {error ? (
        <>
          <br />
          <small class="alert-text">{`${a.lastError} : ${error}`}</small>
        </>
      ) : null}
    </>
  );
};

/** "Connecter" as each network signs in: a button, her instance's address, or her handle and app password. */
export const AccountActions = (props: { state: NetworkState; language: Language; csrf: string }) => {
  const a = accountStrings(props.language);
  const { network, account, canConnect, signIn } = props.state;
  const connect = `/studio/accounts/${network}/connect`;
  const name = nameOf(network);
  if (!canConnect) return <p class="muted">{a.noApp(name)}</p>;
  const label = account?.state === 'to_reconnect' ? a.reconnect : a.connect;
  const disconnect = account ? (
    <PostButton
      action={`/studio/accounts/${network}/disconnect`}
      csrf={props.csrf}
      label={a.disconnect}
      secondary
    />
  ) : null;
  if (account && account.state !== 'to_reconnect') return disconnect;
  if (signIn === 'instance-oauth')
    return (
      <>
        <PostButton action={connect} csrf={props.csrf} label={label}>
          <label for={`${network}-instance`}>{a.instanceLabel}</label>
          <input id={`${network}-instance`} name="instance" type="text" inputmode="url" required />
          <p class="muted">{a.instanceHelp}</p>
        </PostButton>
        {disconnect}
      </>
    );
  if (signIn === 'app-password') {
    const b = blueskyStrings(props.language);
    // Her handle alone signs her in on her server's own page where it offers one (OAuth); else the app password.
    return (
      <>
        <PostButton action={connect} csrf={props.csrf} label={label}>
          <label for={`${network}-handle`}>{a.handleLabel}</label>
          <input id={`${network}-handle`} name="handle" type="text" autocomplete="username" required />
          <p class="muted">{a.handleHelp}</p>
          {props.state.oauth ? (
            <>
              <p class="muted">{b.oauthHelp}</p>
              {/* The rarer way, folded: a server without its own sign-in page takes an app password. */}
              <details>
                <summary>{b.noSignInPage}</summary>
                <AppPassword network={network} language={props.language} required={false} />
              </details>
            </>
          ) : (
            <AppPassword network={network} language={props.language} required />
          )}
        </PostButton>
        {disconnect}
      </>
    );
  }
  return (
    <>
      <PostButton action={connect} csrf={props.csrf} label={`${label} ${name}`} />
      {disconnect}
    </>
  );
};

/** Her app password for Dimanche, never her main one: the card says so and links to where she makes it. */
const AppPassword = (props: { network: string; language: Language; required: boolean }) => {
  const a = accountStrings(props.language);
  return (
    <>
      <label for={`${props.network}-password`}>{a.passwordLabel}</label>
      <input
        id={`${props.network}-password`}
        name="password"
        type="password"
        autocomplete="off"
        required={props.required}
        aria-describedby={`${props.network}-password-help`}
      />
      <p class="muted" id={`${props.network}-password-help`}>
        {a.passwordHelp} <a href={BLUESKY_APP_PASSWORDS}>{a.passwordLink}</a>
      </p>
    </>
  );
};

/** What she just did, read from the store: "X connecté en tant que @…" (nothing from the address is echoed). */
export const AccountsNotice = (props: {
  networks: readonly NetworkState[] | undefined;
  notice: { connected?: string | undefined; disconnected?: string | undefined } | undefined;
  language: Language;
}) => {
  const a = accountStrings(props.language);
  const find = (network: string | undefined) => props.networks?.find((state) => state.network === network);
  const connected = find(props.notice?.connected);
  const disconnected = find(props.notice?.disconnected);
  if (connected?.account)
    return <Notice>{a.connectedNotice(nameOf(connected.network), connected.account.label)}</Notice>;
  if (disconnected && !disconnected.account)
    return <Notice>{a.disconnectedNotice(nameOf(disconnected.network))}</Notice>;
  return null;
};

/** Cette semaine: each network that is on but will not post on Sunday, and where to fix it. */
export const WillNotPost = (props: { networks: readonly NetworkState[]; language: Language }) => {
  const a = accountStrings(props.language);
  if (!props.networks.length) return null;
  return (
    <div class="alert" role="status">
      {props.networks.map((state) => (
        <p>
          {a.willNotPost(
            nameOf(state.network),
            state.account?.state === 'to_reconnect' ? a.whyToReconnect : a.whyNotConnected,
          )}{' '}
          <a href="/studio/settings#social">{state.account ? a.reconnect : a.connect}</a>
        </p>
      ))}
    </div>
  );
};
