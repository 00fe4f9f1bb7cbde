import type { Language } from '../../shared/domain/issue.ts';
import type { Subscriber, Suppression } from '../../shared/domain/subscriber.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import { readerStrings } from '../../shared/i18n/studio/reader-strings.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import type { ReaderFilter, ReaderPage } from '../../shared/usecases/subscribers/list-readers.ts';
import { Address } from './address.tsx';
import { Csrf, document, Layout } from './layout.tsx';
import { ReaderSearch, ReaderTable } from './reader-list.tsx';
import { ReaderRecord } from './reader-record.tsx';

type Page = { language: Language; f: Formatter; csrf: string; flash: string | undefined };
type RecordPage = Page & { record: Subscriber | Suppression };

/** Abonnés: the search, one page of readers, export and import. */
export const readerListPage = (
  props: Page & { page: ReaderPage; search: string; filter: ReaderFilter; after: string | undefined },
) => {
  const { language, f, csrf, flash, page, search, filter, after } = props;
  const s = studioStrings(language).subscribers;
  return document(
    <Layout language={language} title={s.title} nav="subscribers" csrf={csrf}>
      <h1>{s.title}</h1>
      {flash === 'erased' ? (
        <p class="notice" role="status">
          {s.erased}
        </p>
      ) : null}
      <ReaderSearch language={language} search={search} filter={filter} />
      <ReaderTable
        language={language}
        f={f}
        page={page}
        search={search}
        filter={filter}
        paged={Boolean(after)}
      />
      <h2>{s.export}</h2>
      <p>
        {(['confirmed', 'pending', 'unsubscribed'] as const).map((status) => (
          <>
            <a class="button secondary" href={`/studio/subscribers/export.csv?status=${status}`}>
              {s.exportOf(s.status[status])}
            </a>{' '}
          </>
        ))}
      </p>
      <h2>{s.import}</h2>
      <form method="post" action="/studio/subscribers/import" enctype="multipart/form-data">
        <Csrf token={csrf} />
        <label for="file">{s.importFile}</label>
        <input id="file" name="file" type="file" accept=".csv,text/csv" required />
        <fieldset>
          <legend>{s.importMode}</legend>
          <label>
            <input type="radio" name="mode" value="confirm" checked /> {s.confirm}
          </label>
          <label>
            <input type="radio" name="mode" value="consented" /> {s.consented}
          </label>
        </fieldset>
        <label for="source">{s.importSource}</label>
        <input id="source" name="source" type="text" />
        <p>
          <button type="submit">{s.importButton}</button>
        </p>
      </form>
    </Layout>,
  );
};

/** A reader's record, to edit. */
export const readerRecordPage = (props: RecordPage) => {
  const { language, f, csrf, flash, record } = props;
  const s = studioStrings(language).subscribers;
  return document(
    <Layout language={language} title={s.record} nav="subscribers" csrf={csrf}>
      <ReaderRecord language={language} f={f} record={record} csrf={csrf} flash={flash} />
    </Layout>,
  );
};

/** Unsubscribe this reader? */
export const unsubscribeReaderPage = (props: RecordPage) => {
  const { language, csrf, record } = props;
  const t = studioStrings(language);
  const r = readerStrings(language);
  return document(
    <Layout language={language} title={r.unsubscribeTitle} nav="subscribers" csrf={csrf}>
      <h1>{r.unsubscribeTitle}</h1>
      <p class="address">
        <strong>{'email' in record ? <Address email={record.email} /> : record.id}</strong>
      </p>
      <p>{r.unsubscribeText}</p>
      <form method="post" action={`/studio/subscribers/${record.id}/unsubscribe`} class="inline">
        <Csrf token={csrf} />
        <button type="submit">{r.unsubscribeButton}</button>
      </form>
      <a class="button secondary" href={`/studio/subscribers/${record.id}`}>
        {t.actions.back}
      </a>
    </Layout>,
  );
};

/** Erase this reader? */
export const eraseReaderPage = (props: RecordPage) => {
  const { language, csrf, record } = props;
  const t = studioStrings(language);
  const s = t.subscribers;
  return document(
    <Layout language={language} title={s.eraseTitle} nav="subscribers" csrf={csrf}>
      <h1>{s.eraseTitle}</h1>
      <p class="address">
        <strong>{'email' in record ? <Address email={record.email} /> : record.id}</strong>
      </p>
      <p>{s.eraseText}</p>
      <form method="post" action={`/studio/subscribers/${record.id}/erase`} class="inline">
        <Csrf token={csrf} />
        <button type="submit">{s.eraseButton}</button>
      </form>
      <a class="button secondary" href={`/studio/subscribers/${record.id}`}>
        {t.actions.back}
      </a>
    </Layout>,
  );
};
