import type { Subscriber, Suppression } from '../../shared/domain/subscriber.ts';
import type { Language } from '../../shared/domain/issue.ts';
import { Address } from './ui/address.tsx';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import { readerStrings } from '../../shared/i18n/studio/reader-strings.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import { Badge } from './ui/badge.tsx';
import { ButtonLink } from './ui/button-link.tsx';
import { Csrf } from './ui/csrf.tsx';
import { Facts } from './ui/facts.tsx';
import { Notice } from './ui/notes.tsx';
import { Select } from './ui/select.tsx';

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
      {flash ? <Notice>{flash}</Notice> : null}
      <p>
        <Badge tone={record.status}>{s.status[record.status]}</Badge>
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
          <Select
            id="language"
            label={r.language}
            options={(['fr', 'en'] as const).map((language) => [language, r.languages[language]])}
            selected={person.language}
          />
          <p>
            <button type="submit">{r.save}</button>
          </p>
        </form>
      ) : (
        <p>{s.erasedRecord}</p>
      )}
      {person ? <Facts items={[[s.platform, person.preferences.platform ?? '—']]} /> : null}
      <h2>{s.consent}</h2>
      {person?.consent ? (
        <Facts
          items={[
            [s.source, person.consent.source],
            [s.consentAt, f.short(person.consent.at)],
            [s.textVersion, person.consent.textVersion],
          ]}
        />
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
              <ButtonLink secondary href={`/studio/subscribers/${record.id}/unsubscribe`}>
                {r.unsubscribe}
              </ButtonLink>{' '}
            </>
          ) : null}
          <ButtonLink secondary href={`/studio/subscribers/${record.id}/erase`}>
            {s.erase}
          </ButtonLink>
        </p>
      ) : null}
      <p>
        <a href="/studio/subscribers">{s.title}</a>
      </p>
    </>
  );
};
