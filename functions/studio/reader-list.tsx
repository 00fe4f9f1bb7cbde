import type { Language } from '../../shared/domain/issue.ts';
import type { ReaderFilter, ReaderPage } from '../../shared/usecases/subscribers/list-readers.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import { readerStrings } from '../../shared/i18n/studio/reader-strings.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';

export const FILTERS: readonly ReaderFilter[] = ['all', 'confirmed', 'pending', 'unsubscribed', 'suppressed'];

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
      <label for="status">{r.filterLabel}</label>
      <select id="status" name="status">
        {FILTERS.map((filter) => (
          <option value={filter} selected={filter === props.filter}>
            {r.filters[filter]}
          </option>
        ))}
      </select>
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
    <section aria-labelledby="readers-title">
      <h2 id="readers-title">{r.filters[props.filter]}</h2>
      {page.kind === 'readers' && page.indexing ? (
        <p class="notice" role="status">
          {r.indexing(page.indexing.rows)}
        </p>
      ) : null}
      {empty ? <p>{r.none(props.search)}</p> : null}
      {page.kind === 'suppressed' ? <p class="muted">{r.suppressedNote}</p> : null}
      {!empty && page.kind === 'readers' ? (
        <div class="scroll" role="region" aria-label={r.listCaption} tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{r.email}</th>
                <th scope="col">{r.name}</th>
                <th scope="col">{r.language}</th>
                <th scope="col">{r.status}</th>
                <th scope="col">{r.since}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((reader) => (
                <tr>
                  <td class="address">
                    <a href={`/studio/subscribers/${reader.id}`}>{reader.email}</a>
                  </td>
                  <td>{reader.name ?? '—'}</td>
                  <td>{r.languages[reader.language]}</td>
                  <td>
                    <span class={`badge ${reader.status}`}>{s.status[reader.status]}</span>
                  </td>
                  <td class="nowrap">{props.f.short(reader.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {!empty && page.kind === 'suppressed' ? (
        <div class="scroll" role="region" aria-label={r.filters.suppressed} tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{r.reason}</th>
                <th scope="col">{r.suppressedAt}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((record) => (
                <tr>
                  <td>
                    <a href={`/studio/subscribers/${record.id}`}>{r.reasons[record.reason]}</a>
                  </td>
                  <td class="nowrap">{props.f.short(record.suppressedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p class="muted" role="status">
        {r.shown(page.items.length)}
      </p>
      <nav class="pager" aria-label={r.listCaption}>
        {props.paged ? (
          <a class="button secondary" href={listUrl(props.search, props.filter)}>
            {r.first}
          </a>
        ) : null}{' '}
        {page.after ? (
          <a class="button" rel="next" href={listUrl(props.search, props.filter, page.after)}>
            {r.next}
          </a>
        ) : null}
      </nav>
    </section>
  );
};
