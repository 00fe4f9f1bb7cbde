import { Hono } from 'hono';
import type { SubscriberId } from '../../shared/domain/subscriber.ts';
import { searchSubscribers, subscriberCounts } from '../../shared/usecases/subscribers/search-subscribers.ts';
import { eraseKnownSubscriber } from '../../shared/usecases/subscribers/erase-known-subscriber.ts';
import { exportSubscriberData } from '../../shared/usecases/subscribers/privacy.ts';
import type { AppDeps } from '../app-deps.ts';
import { HttpProblem, invalidFields } from '../http/problem.ts';
import { parseExportQuery, parseListQuery } from '../../shared/usecases/subscribers/admin-queries.ts';
import type { SubscriberContext } from '../subscribers/subscriber-context.ts';
import { adminSubscriberImportRoutes } from './admin-subscriber-import.ts';

const subscriberId = (raw: string): SubscriberId => {
  if (!/^sub_[A-Za-z0-9_-]{1,64}$/.test(raw)) throw notFound(raw.slice(0, 80));
  return raw as SubscriberId;
};

const notFound = (id: string) =>
  new HttpProblem(404, 'subscriber-not-found', 'No such subscriber', `There is no subscriber ${id}.`);

/** `/admin/subscribers`: list and search, counts, CSV export and import, a subscriber's data, erasure. */
export const adminSubscriberRoutes = (deps: AppDeps, ctx: SubscriberContext) => {
  const store = deps.subscribers;
  return new Hono()
    .get('/', async (c) => {
      const query = parseListQuery(c.req.query());
      if (!query.ok) throw invalidFields(query.errors);
      const found = await searchSubscribers(query.value, { store, ids: async () => (await ctx.keys()).ids });
      if (!found.ok) throw invalidFields([{ pointer: '/email', detail: 'must be a valid email address' }]);
      return c.json(found.page);
    })
    .get('/counts', async (c) => c.json(await subscriberCounts(store)))
    .get('/export.csv', async (c) => {
      const query = parseExportQuery(c.req.query());
      if (!query.ok) throw invalidFields(query.errors);
      // csv-stringify is loaded by the admin's export only, not by every cold start.
      const { exportCsv } = await import('../../shared/usecases/subscribers/csv/csv-export.ts');
      return c.body(exportCsv(store, query.value.status), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="subscribers-${query.value.status}.csv"`,
        'cache-control': 'no-store',
      });
    })
    .route('/import', adminSubscriberImportRoutes(deps, ctx))
    .get('/:id', async (c) => {
      const id = subscriberId(c.req.param('id'));
      const data = await exportSubscriberData(id, { store, clock: deps.clock });
      if (!data) throw notFound(id);
      return c.json(data, 200, { 'cache-control': 'no-store' });
    })
    .delete('/:id', async (c) => {
      const id = subscriberId(c.req.param('id'));
      const erased = await eraseKnownSubscriber(id, {
        store,
        clock: deps.clock,
        ids: (await ctx.keys()).ids,
      });
      if (!erased.ok) throw notFound(id);
      deps.logger.info('subscriber erased', { subscriberId: id, by: 'admin' });
      return c.body(null, 204);
    });
};
