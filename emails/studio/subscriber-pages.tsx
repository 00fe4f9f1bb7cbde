import type { Language } from '../../shared/domain/issue.ts';
import type { Subscriber, Suppression } from '../../shared/domain/subscriber.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import { readerStrings } from '../../shared/i18n/studio/reader-strings.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import type { ReaderFilter, ReaderPage } from '../../shared/usecases/subscribers/list-readers.ts';
import { Address } from './ui/address.tsx';
import { ButtonLink } from './ui/button-link.tsx';
import { Csrf } from './ui/csrf.tsx';
import { document, Layout, Page } from './ui/layout.tsx';
import { Notice } from './ui/notes.tsx';
import { PostButton } from './ui/post-button.tsx';
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
    <Page language={language} title={s.title} nav="subscribers" csrf={csrf}>
      {flash === 'erased' ? <Notice>{s.erased}</Notice> : null}
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
            <ButtonLink secondary href={`/studio/subscribers/export.csv?status=${status}`}>
              {s.exportOf(s.status[status])}
            </ButtonLink>{' '}
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
    </Page>,
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

/** A question about one reader (unsubscribe? erase?), its button, and the way back to the record. */
const readerQuestionPage = (
  props: RecordPage & { title: string; text: string; button: string; action: 'unsubscribe' | 'erase' },
) => {
  const { language, csrf, record } = props;
  return document(
    <Page language={language} title={props.title} nav="subscribers" csrf={csrf}>
      <p class="address">
        <strong>{'email' in record ? <Address email={record.email} /> : record.id}</strong>
      </p>
      <p>{props.text}</p>
      <PostButton
        inline
        action={`/studio/subscribers/${record.id}/${props.action}`}
        csrf={csrf}
        label={props.button}
      />
      <ButtonLink secondary href={`/studio/subscribers/${record.id}`}>
        {studioStrings(language).actions.back}
      </ButtonLink>
    </Page>,
  );
};

/** Unsubscribe this reader? */
export const unsubscribeReaderPage = (props: RecordPage) => {
  const r = readerStrings(props.language);
  const [title, text, button] = [r.unsubscribeTitle, r.unsubscribeText, r.unsubscribeButton];
  return readerQuestionPage({ ...props, title, text, button, action: 'unsubscribe' });
};

/** Erase this reader? */
export const eraseReaderPage = (props: RecordPage) => {
  const s = studioStrings(props.language).subscribers;
  const [title, text, button] = [s.eraseTitle, s.eraseText, s.eraseButton];
  return readerQuestionPage({ ...props, title, text, button, action: 'erase' });
};
