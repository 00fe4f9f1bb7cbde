import type { Language } from '../../shared/domain/issue.ts';
import { READER_FILTERS } from '../../shared/domain/studio/reader-query.ts';
import type { ReaderFilter, ReaderPage } from '../../shared/usecases/subscribers/list-readers.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import { readerStrings } from '../../shared/i18n/studio/reader-strings.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import { Badge } from './ui/badge.tsx';
import { ButtonLink } from './ui/button-link.tsx';
import { Notice } from './ui/notes.tsx';
import { Section } from './ui/section.tsx';
import { Select } from './ui/select.tsx';
import { Table } from './ui/table.tsx';

const listUrl = (search: string, filter: ReaderFilter, after?: string) => {
  const query = new URLSearchParams({
    ...(search ? { q: search } : {}),
    ...(filter === 'all' ? {} : { status: filter }),
    ...(after ? { after } : {}),
  }).toString();
  return `/studio/subscribers${query ? `?${query}` : ''}`;
};

/** The search form and the status filter: a GET form, so a search is a link she can keep or share. */
export const ReaderSearch = (props: { language: Language; search: string; filter: ReaderFilter }) => {
  const r = readerStrings(props.language);
  return (
    <form method="get" action="/studio/subscribers" role="search" class="reader-search">
      <label for="q">{r.searchLabel}</label>
      <input id="q" name="q" type="search" value={props.search} autocomplete="off" />
      <Select
        id="status"
        label={r.filterLabel}
        options={READER_FILTERS.map((filter) => [filter, r.filters[filter]])}
        selected={props.filter}
      />
      <p>
        <button type="submit">{r.searchButton}</button>
      </p>
    </form>
  );
};

/** One page of readers (or of suppressions, which have no address), and the way to the next. */
export const ReaderTable = (props: {
  language: Language;
  f: Formatter;
  page: ReaderPage;
  search: string;
  filter: ReaderFilter;
  paged: boolean;
}) => {
  const r = readerStrings(props.language);
  const s = studioStrings(props.language).subscribers;
  const { page } = props;
  const empty = page.items.length === 0;
  return (
    <Section id="readers" title={r.filters[props.filter]}>
      {page.kind === 'readers' && page.indexing ? <Notice>{r.indexing(page.indexing.rows)}</Notice> : null}
      {empty ? <p>{r.none(props.search)}</p> : null}
      {page.kind === 'suppressed' ? <p class="muted">{r.suppressedNote}</p> : null}
      {!empty && page.kind === 'readers' ? (
        <Table heads={[r.email, r.name, r.language, r.status, r.since]} region={r.listCaption}>
          {page.items.map((reader) => (
            <tr>
              <td class="address">
                <a href={`/studio/subscribers/${reader.id}`}>{reader.email}</a>
              </td>
              <td>{reader.name ?? '—'}</td>
              <td>{r.languages[reader.language]}</td>
              <td>
                <Badge tone={reader.status}>{s.status[reader.status]}</Badge>
              </td>
              <td class="nowrap">{props.f.short(reader.createdAt)}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      {!empty && page.kind === 'suppressed' ? (
        <Table heads={[r.reason, r.suppressedAt]} region={r.filters.suppressed}>
          {page.items.map((record) => (
            <tr>
              <td>
                <a href={`/studio/subscribers/${record.id}`}>{r.reasons[record.reason]}</a>
              </td>
              <td class="nowrap">{props.f.short(record.suppressedAt)}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      <p class="muted" role="status">
        {r.shown(page.items.length)}
      </p>
      <nav class="pager" aria-label={r.listCaption}>
        {props.paged ? (
          <ButtonLink secondary href={listUrl(props.search, props.filter)}>
            {r.first}
          </ButtonLink>
        ) : null}{' '}
        {page.after ? (
          <ButtonLink rel="next" href={listUrl(props.search, props.filter, page.after)}>
            {r.next}
          </ButtonLink>
        ) : null}
      </nav>
    </Section>
  );
};
