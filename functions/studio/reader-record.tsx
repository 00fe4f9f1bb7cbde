import type { Subscriber, Suppression } from '../../shared/domain/subscriber.ts';
import type { Language } from '../../shared/domain/issue.ts';
import { Address } from './address.tsx';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import { Csrf } from './layout.tsx';
import { readerStrings } from '../../shared/i18n/studio/reader-strings.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';

/** A reader's record: who, consent, history, and what she may do (edit, unsubscribe, erase). */
export const ReaderRecord = (props: {
  language: Language;
  f: Formatter;
  record: Subscriber | Suppression;
  csrf: string;
  flash: string | undefined;
}) => {
  const r = readerStrings(props.language);
  const s = studioStrings(props.language).subscribers;
  const { record, f } = props;
  const person = 'email' in record ? record : undefined;
  const history = person
    ? (
        [
          [s.created, person.createdAt],
          [s.confirmedAt, person.confirmedAt],
          [s.unsubscribedAt, person.unsubscribedAt],
        ] as const
      ).filter((h): h is readonly [string, string] => Boolean(h[1]))
    : [[s.suppressedAt, 'suppressedAt' in record ? record.suppressedAt : ''] as const];
  const flash = { saved: r.saved, unsubscribed: r.unsubscribed, already: r.alreadyOut }[props.flash ?? ''];
  return (
    <>
      <h1 class="address">{person ? <Address email={person.email} /> : s.record}</h1>
      {flash ? (
        <p class="notice" role="status">
          {flash}
        </p>
      ) : null}
      <p>
        <span class={`badge ${record.status}`}>{s.status[record.status]}</span>
      </p>
      {person ? (
        <form method="post" action={`/studio/subscribers/${record.id}`}>
          <Csrf token={props.csrf} />
          <label for="name">{r.name}</label>
          <input
            id="name"
            name="name"
            type="text"
            value={person.name ?? ''}
            maxlength={100}
            aria-describedby="name-help"
          />
          <p id="name-help" class="muted">
            {r.noName}
          </p>
          <label for="language">{r.language}</label>
          <select id="language" name="language">
            {(['fr', 'en'] as const).map((language) => (
              <option value={language} selected={person.language === language}>
                {r.languages[language]}
              </option>
            ))}
          </select>
          <p>
            <button type="submit">{r.save}</button>
          </p>
        </form>
      ) : (
        <p>{s.erasedRecord}</p>
      )}
      {person ? (
        <dl>
          <dt>{s.platform}</dt>
          <dd>{person.preferences.platform ?? '—'}</dd>
        </dl>
      ) : null}
      <h2>{s.consent}</h2>
      {person?.consent ? (
        <dl>
          <dt>{s.source}</dt>
          <dd>{person.consent.source}</dd>
          <dt>{s.consentAt}</dt>
          <dd>{f.short(person.consent.at)}</dd>
          <dt>{s.textVersion}</dt>
          <dd>{person.consent.textVersion}</dd>
        </dl>
      ) : (
        <p>{s.noConsent}</p>
      )}
      <h2>{s.history}</h2>
      <ul>
        {history.map(([label, at]) => (
          <li>
            {label} : {f.short(at)}
          </li>
        ))}
      </ul>
      {person ? (
        <p>
          {person.status === 'confirmed' || person.status === 'pending' ? (
            <>
              <a class="button secondary" href={`/studio/subscribers/${record.id}/unsubscribe`}>
                {r.unsubscribe}
              </a>{' '}
            </>
          ) : null}
          <a class="button secondary" href={`/studio/subscribers/${record.id}/erase`}>
            {s.erase}
          </a>
        </p>
      ) : null}
      <p>
        <a href="/studio/subscribers">{s.title}</a>
      </p>
    </>
  );
};
