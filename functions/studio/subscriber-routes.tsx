import { Hono } from 'hono';
import { exportStatusOf, readerFilterOf } from '../../shared/domain/studio/reader-query.ts';
import { errorStrings } from '../../shared/i18n/studio/error-strings.ts';
import { formatter } from '../../shared/i18n/studio/format.ts';
import { readerStrings } from '../../shared/i18n/studio/reader-strings.ts';
import {
  editReaderRecord,
  eraseReader,
  readerIdOf,
  readerList,
  readerRecord,
  unsubscribeReader,
} from '../../shared/usecases/studio/reader-records.ts';
import { readerChangeOf } from '../../shared/usecases/studio/reader-change.ts';
import type { StudioEnv } from './session.ts';
import type { StudioDeps } from './studio-deps.ts';
import type { StudioPorts } from './studio-ports.ts';
import { StudioProblem } from './studio-problem.ts';
import {
  eraseReaderPage,
  readerListPage,
  readerRecordPage,
  unsubscribeReaderPage,
} from '../../emails/studio/subscriber-pages.tsx';

const PAGE_SIZE = 50;

/**
 * Abonnés: every reader, paged, by status and by any part of address or name; a record to edit, unsubscribe or
 * erase (each behind its own form and CSRF token); CSV export (import: subscriber-import-routes.tsx).
 */
export const subscriberRoutes = (deps: StudioDeps, ports: StudioPorts) => {
  const { language } = deps.studio;
  const f = formatter(language, deps.settings.timeZone);
  const r = readerStrings(language);
  const e = errorStrings(language);
  const notFound = () => new StudioProblem(404, e.notFoundTitle, r.gone);
  const recordOf = async (raw: string) => {
    const record = await readerRecord(ports, raw);
    if (!record) throw notFound();
    return record;
  };
  /** The form's fields, checked before the use case, which receives a typed change. */
  const readerChange = (form: Record<string, unknown>) => {
    const checked = readerChangeOf(form);
    if (!checked.ok)
      throw new StudioProblem(
        422,
        e.invalidTitle,
        e.invalid,
        checked.problems.map((problem) => r[problem]),
      );
    return checked.change;
  };

  return new Hono<StudioEnv>()
    .get('/', async (c) => {
      const search = (c.req.query('q') ?? c.req.query('email') ?? '').trim().slice(0, 200);
      const filter = readerFilterOf(c.req.query('status'));
      const after = c.req.query('after') || undefined;
      const page = await readerList(ports, { search, filter, limit: PAGE_SIZE, ...(after ? { after } : {}) });
      const csrf = c.get('session').csrfToken;
      return c.html(
        readerListPage({ language, f, csrf, flash: c.req.query('done'), page, search, filter, after }),
      );
    })
    .get('/export.csv', async (c) => {
      const status = exportStatusOf(c.req.query('status'));
      const { exportCsv } = await import('../../shared/usecases/subscribers/csv/csv-export.ts');
      return c.body(exportCsv(ports.subscribers, status), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="abonnes-${status}.csv"`,
      });
    })
    .get('/:id', async (c) => {
      const record = await recordOf(c.req.param('id'));
      const csrf = c.get('session').csrfToken;
      return c.html(readerRecordPage({ language, f, csrf, flash: c.req.query('done'), record }));
    })
    .post('/:id', async (c) => {
      if (!readerIdOf(c.req.param('id'))) throw notFound();
      const change = readerChange(await c.req.parseBody());
      const result = await editReaderRecord(ports, c.req.param('id'), change);
      if (!result.ok && result.error === 'not_found') throw notFound();
      if (!result.ok) throw new StudioProblem(409, r.conflict, r.conflict);
      deps.logger.info('subscriber edited', { subscriberId: result.id, by: 'studio' });
      return c.redirect(`/studio/subscribers/${result.id}?done=saved`, 303);
    })
    .get('/:id/unsubscribe', async (c) => {
      const record = await recordOf(c.req.param('id'));
      const csrf = c.get('session').csrfToken;
      return c.html(unsubscribeReaderPage({ language, f, csrf, flash: undefined, record }));
    })
    .post('/:id/unsubscribe', async (c) => {
      const done = await unsubscribeReader(ports, c.req.param('id'));
      if (!done) throw notFound();
      if (done.changed) deps.logger.info('subscriber unsubscribed', { subscriberId: done.id, by: 'studio' });
      return c.redirect(
        `/studio/subscribers/${done.id}?done=${done.changed ? 'unsubscribed' : 'already'}`,
        303,
      );
    })
    .get('/:id/erase', async (c) => {
      const record = await recordOf(c.req.param('id'));
      const csrf = c.get('session').csrfToken;
      return c.html(eraseReaderPage({ language, f, csrf, flash: undefined, record }));
    })
    .post('/:id/erase', async (c) => {
      const done = await eraseReader(ports, c.req.param('id'));
      if (!done) throw notFound();
      deps.logger.info('subscriber erased', { subscriberId: done.id, by: 'studio' });
      return c.redirect('/studio/subscribers?done=erased', 303);
    });
};
