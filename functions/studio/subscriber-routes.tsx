import { Hono } from 'hono';
import { normaliseEmail } from '../../shared/domain/email-address.ts';
import type { Subscriber, SubscriberId, SubscriberStatus } from '../../shared/domain/subscriber.ts';
import { eraseSubscriber } from '../../shared/usecases/subscribers/privacy.ts';
import { HttpProblem } from '../http/problem.ts';
import { subscriberContext } from '../subscribers/subscriber-context.ts';
import { formatter } from './format.ts';
import { Csrf, document, Layout } from './layout.tsx';
import type { StudioEnv } from './session.ts';
import { studioStrings } from './strings.ts';
import type { StudioDeps } from './studio-deps.ts';

const STATUSES: readonly SubscriberStatus[] = ['confirmed', 'pending', 'unsubscribed', 'suppressed'];
const idOf = (raw: string) => {
  if (!/^sub_[A-Za-z0-9_-]{1,64}$/.test(raw))
    throw new HttpProblem(404, 'subscriber-not-found', 'No such subscriber', 'There is no such subscriber.');
  return raw as SubscriberId;
};

/** Abonnés: search by address, a record, erasure behind a confirmation, CSV import and export. */
export const subscriberRoutes = (deps: StudioDeps) => {
  const { language } = deps.studio;
  const t = studioStrings(language);
  const s = t.subscribers;
  const f = formatter(language, deps.settings.timeZone);
  const ctx = subscriberContext(deps);
  const store = deps.subscribers;

  return new Hono<StudioEnv>()
    .get('/', async (c) => {
      const csrf = c.get('session').csrfToken;
      const query = c.req.query('email');
      const address = query ? normaliseEmail(query) : undefined;
      const found = address ? await store.get((await ctx.keys()).ids.idFor(address)) : undefined;
      const [counts, recent] = await Promise.all([
        Promise.all(STATUSES.map(async (status) => [status, await store.countByStatus(status)] as const)),
        store.listByStatus('confirmed', { limit: 20 }),
      ]);
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
            <form method="get" action="/studio/subscribers" role="search">
              <label for="email">{s.search}</label>
              <input id="email" name="email" type="search" value={query ?? ''} />
              <p>
                <button type="submit">{s.searchButton}</button>
              </p>
            </form>
            {query && !address ? <p class="alert">{s.invalid}</p> : null}
            {address && !found ? <p class="alert">{s.notFound(address)}</p> : null}
            {found ? (
              <p class="notice">
                <a href={`/studio/subscribers/${found.id}`}>{'email' in found ? found.email : found.id}</a> —{' '}
                {s.status[found.status]}
              </p>
            ) : null}
            <h2>{s.counts}</h2>
            <ul>
              {counts.map(([status, n]) => (
                <li>
                  {s.status[status]} : {f.number(n)}
                </li>
              ))}
            </ul>
            <p>
              {(['confirmed', 'pending', 'unsubscribed'] as const).map((status) => (
                <>
                  <a class="button secondary" href={`/studio/subscribers/export.csv?status=${status}`}>
                    {s.exportOf(s.status[status])}
                  </a>{' '}
                </>
              ))}
            </p>
            <h2>{s.recent}</h2>
            <ul>
              {recent.items
                .filter((r): r is Subscriber => 'email' in r)
                .map((r) => (
                  <li>
                    <a href={`/studio/subscribers/${r.id}`}>{r.email}</a>
                    {r.confirmedAt ? ` — ${f.short(r.confirmedAt)}` : ''}
                  </li>
                ))}
            </ul>
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
      const { exportCsv } = await import('../subscribers/csv-export.ts');
      return c.body(exportCsv(store, status), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="abonnes-${status}.csv"`,
      });
    })
    .get('/:id', async (c) => {
      const record = await store.get(idOf(c.req.param('id')));
      if (!record)
        throw new HttpProblem(
          404,
          'subscriber-not-found',
          'No such subscriber',
          'There is no such subscriber.',
        );
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
      return c.html(
        document(
          <Layout language={language} title={s.record} nav="subscribers" csrf={c.get('session').csrfToken}>
            <h1>{person ? person.email : s.record}</h1>
            <p>
              <span class="badge">{s.status[record.status]}</span>
            </p>
            {person ? (
              <dl>
                <dt>{s.name}</dt>
                <dd>{person.name ?? '—'}</dd>
                <dt>{s.language}</dt>
                <dd>{person.language}</dd>
                <dt>{s.platform}</dt>
                <dd>{person.preferences.platform ?? '—'}</dd>
              </dl>
            ) : (
              <p>{s.erasedRecord}</p>
            )}
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
              <a class="button secondary" href={`/studio/subscribers/${record.id}/erase`}>
                {s.erase}
              </a>
            ) : null}
          </Layout>,
        ),
      );
    })
    .get('/:id/erase', async (c) => {
      const id = idOf(c.req.param('id'));
      const record = await store.get(id);
      if (!record)
        throw new HttpProblem(
          404,
          'subscriber-not-found',
          'No such subscriber',
          'There is no such subscriber.',
        );
      return c.html(
        document(
          <Layout
            language={language}
            title={s.eraseTitle}
            nav="subscribers"
            csrf={c.get('session').csrfToken}
          >
            <h1>{s.eraseTitle}</h1>
            <p>
              <strong>{'email' in record ? record.email : id}</strong>
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
      const id = idOf(c.req.param('id'));
      if (!(await store.get(id)))
        throw new HttpProblem(
          404,
          'subscriber-not-found',
          'No such subscriber',
          'There is no such subscriber.',
        );
      await eraseSubscriber(id, { store, clock: deps.clock });
      deps.logger.info('subscriber erased', { subscriberId: id, by: 'studio' });
      return c.redirect('/studio/subscribers?done=erased', 303);
    });
};
