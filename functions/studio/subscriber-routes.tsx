import { Hono } from 'hono';
import type { Language } from '../../shared/domain/issue.ts';
import type { SubscriberId } from '../../shared/domain/subscriber.ts';
import { editReader, type ReaderChange } from '../../shared/usecases/subscribers/edit-reader.ts';
import { listReaders } from '../../shared/usecases/subscribers/list-readers.ts';
import { eraseSubscriber } from '../../shared/usecases/subscribers/privacy.ts';
import { unsubscribe } from '../../shared/usecases/subscribers/unsubscribe.ts';
import { subscriberContext } from '../subscribers/subscriber-context.ts';
import { Address } from './address.tsx';
import { errorStrings } from './error-strings.ts';
import { formatter } from './format.ts';
import { Csrf, document, Layout } from './layout.tsx';
import { FILTERS, ReaderSearch, ReaderTable } from './reader-list.tsx';
import { ReaderRecord } from './reader-record.tsx';
import { readerStrings } from './reader-strings.ts';
import type { StudioEnv } from './session.ts';
import { studioStrings } from './strings.ts';
import type { StudioDeps } from './studio-deps.ts';
import { StudioProblem } from './studio-problem.ts';

const PAGE_SIZE = 50;

/**
 * Abonnés: every reader, paged, by status and by any part of address or name; a record to edit, unsubscribe or
 * erase (each behind its own form and CSRF token); CSV import and export.
 */
export const subscriberRoutes = (deps: StudioDeps) => {
  const { language } = deps.studio;
  const t = studioStrings(language);
  const s = t.subscribers;
  const f = formatter(language, deps.settings.timeZone);
  const ctx = subscriberContext(deps);
  const store = deps.subscribers;
  const r = readerStrings(language);
  const e = errorStrings(language);
  const notFound = () => new StudioProblem(404, e.notFoundTitle, r.gone);
  const idOf = (raw: string) => {
    if (!/^sub_[A-Za-z0-9_-]{1,64}$/.test(raw)) throw notFound();
    return raw as SubscriberId;
  };
  const recordOf = async (raw: string) => {
    const record = await store.get(idOf(raw));
    if (!record) throw notFound();
    return record;
  };
  const readerChange = (form: Record<string, unknown>): ReaderChange => {
    const name = typeof form.name === 'string' ? form.name.normalize('NFC').trim() : '';
    const lines = [
      ...(name.length > 100 || /\p{Cc}/u.test(name) ? [r.invalidName] : []),
      ...(form.language === 'fr' || form.language === 'en' ? [] : [r.invalidLanguage]),
    ];
    if (lines.length) throw new StudioProblem(422, e.invalidTitle, e.invalid, lines);
    return { name: name || undefined, language: form.language as Language };
  };

  return new Hono<StudioEnv>()
    .get('/', async (c) => {
      const csrf = c.get('session').csrfToken;
      const search = (c.req.query('q') ?? c.req.query('email') ?? '').trim().slice(0, 200);
      const rawFilter = c.req.query('status');
      const filter = FILTERS.find((f) => f === rawFilter) ?? 'all';
      const after = c.req.query('after') || undefined;
      const page = await listReaders(
        { search, filter, limit: PAGE_SIZE, ...(after ? { after } : {}) },
        { store, directory: deps.studio.directory },
      );
      const flash = c.req.query('done');
      return c.html(
        document(
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
        ),
      );
    })
    .get('/export.csv', async (c) => {
      const raw = c.req.query('status');
      const status = raw === 'pending' || raw === 'unsubscribed' ? raw : 'confirmed';
      const { exportCsv } = await import('../../shared/usecases/subscribers/csv/csv-export.ts');
      return c.body(exportCsv(store, status), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="abonnes-${status}.csv"`,
      });
    })
    .get('/:id', async (c) => {
      const record = await recordOf(c.req.param('id'));
      return c.html(
        document(
          <Layout language={language} title={s.record} nav="subscribers" csrf={c.get('session').csrfToken}>
            <ReaderRecord
              language={language}
              f={f}
              record={record}
              csrf={c.get('session').csrfToken}
              flash={c.req.query('done')}
            />
          </Layout>,
        ),
      );
    })
    .post('/:id', async (c) => {
      const id = idOf(c.req.param('id'));
      const change = readerChange(await c.req.parseBody());
      const result = await editReader(id, change, { store, clock: deps.clock });
      if (!result.ok && result.error === 'not_found') throw notFound();
      if (!result.ok) throw new StudioProblem(409, r.conflict, r.conflict);
      deps.logger.info('subscriber edited', { subscriberId: id, by: 'studio' });
      return c.redirect(`/studio/subscribers/${id}?done=saved`, 303);
    })
    .get('/:id/unsubscribe', async (c) => {
      const record = await recordOf(c.req.param('id'));
      return c.html(
        document(
          <Layout
            language={language}
            title={r.unsubscribeTitle}
            nav="subscribers"
            csrf={c.get('session').csrfToken}
          >
            <h1>{r.unsubscribeTitle}</h1>
            <p class="address">
              <strong>{'email' in record ? <Address email={record.email} /> : record.id}</strong>
            </p>
            <p>{r.unsubscribeText}</p>
            <form method="post" action={`/studio/subscribers/${record.id}/unsubscribe`} class="inline">
              <Csrf token={c.get('session').csrfToken} />
              <button type="submit">{r.unsubscribeButton}</button>
            </form>
            <a class="button secondary" href={`/studio/subscribers/${record.id}`}>
              {t.actions.back}
            </a>
          </Layout>,
        ),
      );
    })
    .post('/:id/unsubscribe', async (c) => {
      const record = await recordOf(c.req.param('id'));
      const { changed } = await unsubscribe(record.id, { store, clock: deps.clock });
      if (changed) deps.logger.info('subscriber unsubscribed', { subscriberId: record.id, by: 'studio' });
      return c.redirect(`/studio/subscribers/${record.id}?done=${changed ? 'unsubscribed' : 'already'}`, 303);
    })
    .get('/:id/erase', async (c) => {
      const record = await recordOf(c.req.param('id'));
      const id = record.id;
      return c.html(
        document(
          <Layout
            language={language}
            title={s.eraseTitle}
            nav="subscribers"
            csrf={c.get('session').csrfToken}
          >
            <h1>{s.eraseTitle}</h1>
            <p class="address">
              <strong>{'email' in record ? <Address email={record.email} /> : id}</strong>
            </p>
            <p>{s.eraseText}</p>
            <form method="post" action={`/studio/subscribers/${id}/erase`} class="inline">
              <Csrf token={c.get('session').csrfToken} />
              <button type="submit">{s.eraseButton}</button>
            </form>
            <a class="button secondary" href={`/studio/subscribers/${id}`}>
              {t.actions.back}
            </a>
          </Layout>,
        ),
      );
    })
    .post('/:id/erase', async (c) => {
      const { id } = await recordOf(c.req.param('id'));
      // Every spelling of the mailbox (records stored before the canonical form) goes with it.
      await eraseSubscriber(id, { store, clock: deps.clock, ids: (await ctx.keys()).ids });
      deps.logger.info('subscriber erased', { subscriberId: id, by: 'studio' });
      return c.redirect('/studio/subscribers?done=erased', 303);
    });
};
