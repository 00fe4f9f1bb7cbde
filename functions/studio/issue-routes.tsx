import { Hono } from 'hono';
import { sundayOnOrAfter } from '../../shared/domain/calendar.ts';
import { LINK_VARIANTS, type LinkVariant, PLATFORM_NAMES } from '../../shared/domain/platforms.ts';
import { previewIssue } from '../../shared/usecases/preview-issue.ts';
import { previewSocial } from '../../shared/usecases/social/preview-social.ts';
import { holdIssue, releaseIssue } from '../../shared/usecases/studio/hold-issue.ts';
import { testSend } from '../../shared/usecases/test-send.ts';
import { authorBanner } from '../../emails/author-banner.ts';
import { HttpProblem } from '../http/problem.ts';
import { archiveUrl, samplePersonalisation } from '../routes/links.ts';
import { formatter } from './format.ts';
import { issueByNumber, issueName, issueView } from './issue-data.ts';
import { SocialPosts, StateBadge, TestSendForm } from './issue-parts.tsx';
import { Csrf, document, Layout } from './layout.tsx';
import { emailPreviewHeaders } from './security-headers.ts';
import type { StudioEnv } from './session.ts';
import { studioStrings } from './strings.ts';
import type { StudioDeps } from './studio-deps.ts';
import { Warnings } from './warnings-view.tsx';
import { socialSettings } from './week-page.tsx';

const ACTIONS = ['hold', 'cancel', 'release', 'send_now'] as const;
type Action = (typeof ACTIONS)[number];
const actionOf = (raw: string): Action | undefined =>
  (ACTIONS as readonly string[]).includes(raw.replace('-', '_'))
    ? (raw.replace('-', '_') as Action)
    : undefined;

const noIssue = (raw: string) =>
  new HttpProblem(404, 'issue-not-found', 'No such issue', `There is no issue #${raw.slice(0, 12)}.`);

const variantOf = (raw: string | undefined): LinkVariant =>
  raw && (LINK_VARIANTS as readonly string[]).includes(raw) ? (raw as LinkVariant) : 'universal';

/** Numéros: the list, an issue's page, its email in a frame, and the actions, each behind a confirmation. */
export const issueRoutes = (deps: StudioDeps) => {
  const { language } = deps.studio;
  const t = studioStrings(language);
  const f = formatter(language, deps.settings.timeZone);
  const sample = samplePersonalisation(deps.settings.publicBaseUrl);
  const banner = authorBanner(language, deps.settings.timeZone);
  const holdDeps = {
    issues: deps.issues,
    holds: deps.studio.holds,
    campaigns: deps.campaigns,
    clock: deps.clock,
  };

  return new Hono<StudioEnv>()
    .get('/', async (c) => {
      const issues = await deps.issues.pageBySunday({ limit: 52 });
      const views = await Promise.all(issues.map((issue) => issueView(deps, issue)));
      return c.html(
        document(
          <Layout language={language} title={t.issue.list} nav="issues" csrf={c.get('session').csrfToken}>
            <h1>{t.issue.list}</h1>
            {views.length === 0 ? (
              <p>{t.issue.none}</p>
            ) : (
              <div class="scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t.issue.number}</th>
                      <th scope="col">{t.issue.sunday}</th>
                      <th scope="col">{t.issue.state}</th>
                      <th scope="col">{t.warnings.title}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {views.map((v) => (
                      <tr>
                        <td>
                          <a href={`/studio/issues/${v.issue.series}`}>{issueName(v.issue)}</a>
                        </td>
                        <td>{f.sunday(v.issue.sunday)}</td>
                        <td>
                          <StateBadge state={v.state} t={t} />
                        </td>
                        <td>{String(v.warnings.length)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Layout>,
        ),
      );
    })
    .get('/:number', async (c) => {
      const issue = await issueByNumber(deps, c.req.param('number'));
      if (!issue) throw noIssue(c.req.param('number'));
      const view = await issueView(deps, issue);
      const csrf = c.get('session').csrfToken;
      const variant = variantOf(c.req.query('platform'));
      const width = c.req.query('width') === 'mobile' ? 'mobile' : 'desktop';
      const [social, actions, text] = await Promise.all([
        previewSocial(issue.id, { store: deps.issues, settings: socialSettings(deps) }),
        deps.studio.holds.actions(issue.id),
        previewIssue(issue.id, { store: deps.issues, sample, warnings: deps.warnings, banner }, variant),
      ]);
      const flash = c.req.query('done');
      const refused = c.req.query('refused');
      const coming = issue.sunday === sundayOnOrAfter(deps.clock.now(), deps.settings.timeZone);
      const base = `/studio/issues/${issue.series}`;
      return c.html(
        document(
          <Layout language={language} title={issueName(issue)} nav="issues" csrf={csrf}>
            <h1>{issueName(issue)}</h1>
            {flash === 'test' ? (
              <p class="notice" role="status">
                {t.issue.testSent(deps.studio.authorEmail)}
              </p>
            ) : null}
            {flash && flash in t.actions.done ? (
              <p class="notice" role="status">
                {t.actions.done[flash as keyof typeof t.actions.done]}
              </p>
            ) : null}
            {refused ? (
              <p class="alert" role="alert">
                {refused in t.actions.refused
                  ? String((t.actions.refused as Record<string, unknown>)[refused])
                  : t.actions.refused.other(refused)}
              </p>
            ) : null}
            <p>
              {f.sunday(issue.sunday)} · <StateBadge state={view.state} t={t} /> ·{' '}
              <a href={archiveUrl(deps.settings.publicBaseUrl, issue.slug)}>{t.issue.web}</a>
            </p>
            <section aria-labelledby="actions-title">
              <h2 id="actions-title">{t.issue.actions}</h2>
              {issue.renderedRevision !== undefined ? (
                <TestSendForm
                  series={issue.series}
                  to={deps.studio.authorEmail}
                  csrf={csrf}
                  t={t}
                  back="issue"
                />
              ) : null}
              {view.state === 'scheduled' || view.state === 'draft' ? (
                <>
                  <a class="button secondary" href={`${base}/hold`}>
                    {t.actions.hold}
                  </a>{' '}
                  <a class="button secondary" href={`${base}/cancel`}>
                    {t.actions.cancel}
                  </a>{' '}
                </>
              ) : null}
              {view.state === 'held' || view.state === 'cancelled' ? (
                <a class="button secondary" href={`${base}/release`}>
                  {t.actions.release}
                </a>
              ) : null}{' '}
              {coming && !view.campaign && view.state === 'scheduled' ? (
                <a class="button" href={`${base}/send-now`}>
                  {t.actions.send_now}
                </a>
              ) : null}
              {view.campaign ? (
                <p>
                  <a href={`/studio/campaigns/${issue.series}`}>{t.campaigns.open}</a>
                </p>
              ) : null}
            </section>
            <section aria-labelledby="warnings-title">
              <h2 id="warnings-title">{t.warnings.title}</h2>
              <Warnings warnings={view.warnings} tracks={issue.tracks} t={t} f={f} />
            </section>
            <section aria-labelledby="preview-title">
              <h2 id="preview-title">{t.issue.preview}</h2>
              {issue.renderedRevision === undefined ? (
                <p>{t.issue.notRendered}</p>
              ) : (
                <>
                  <form method="get" action={base}>
                    <label for="platform">{t.issue.platform}</label>
                    <select id="platform" name="platform">
                      {LINK_VARIANTS.map((v) => (
                        <option value={v} selected={v === variant}>
                          {v === 'universal' ? t.issue.universal : PLATFORM_NAMES[v]}
                        </option>
                      ))}
                    </select>
                    <label for="width">{t.issue.width}</label>
                    <select id="width" name="width">
                      <option value="desktop" selected={width === 'desktop'}>
                        {t.issue.desktop}
                      </option>
                      <option value="mobile" selected={width === 'mobile'}>
                        {t.issue.mobile}
                      </option>
                    </select>
                    <p>
                      <button type="submit" class="secondary">
                        {t.issue.show}
                      </button>
                    </p>
                  </form>
                  <iframe
                    class={`preview ${width}`}
                    title={t.issue.preview}
                    sandbox=""
                    src={`${base}/email?platform=${variant}`}
                  ></iframe>
                  <details>
                    <summary>{t.issue.text}</summary>
                    <pre class="text">{text.ok ? text.email.text : ''}</pre>
                  </details>
                </>
              )}
            </section>
            {social.ok ? (
              <section aria-labelledby="social-title">
                <h2 id="social-title">{t.issue.social}</h2>
                <SocialPosts posts={social.posts} t={t} />
              </section>
            ) : null}
            <section aria-labelledby="history-title">
              <h2 id="history-title">{t.issue.history}</h2>
              {actions.length === 0 ? (
                <p>{t.issue.noHistory}</p>
              ) : (
                <ul>
                  {actions.map((a) => (
                    <li>
                      {t.actions[a.action]} — {t.issue.by(a.by, f.short(a.at))}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </Layout>,
        ),
      );
    })
    .get('/:number/email', async (c) => {
      const issue = await issueByNumber(deps, c.req.param('number'));
      if (!issue) throw noIssue(c.req.param('number'));
      const preview = await previewIssue(
        issue.id,
        { store: deps.issues, sample, warnings: deps.warnings, banner },
        variantOf(c.req.query('platform')),
      );
      if (!preview.ok) throw noIssue(c.req.param('number'));
      return c.html(preview.email.html, 200, emailPreviewHeaders);
    })
    .post('/:number/test-send', async (c) => {
      const issue = await issueByNumber(deps, c.req.param('number'));
      if (!issue) throw noIssue(c.req.param('number'));
      const sent = await testSend(issue.id, deps.studio.authorEmail, {
        store: deps.issues,
        mailer: deps.mailer,
        sender: deps.sender,
        sample,
        warnings: deps.warnings,
        banner,
      });
      const by = c.get('session').email;
      const ok = sent.ok && sent.outcome.kind === 'sent';
      if (ok)
        await deps.studio.holds.record({
          issueId: issue.id,
          action: 'test_send',
          by,
          at: deps.clock.now().toISOString(),
        });
      const back = (await c.req.parseBody()).back === 'week' ? '/studio' : `/studio/issues/${issue.series}`;
      return c.redirect(
        ok ? `${back}?done=test` : `/studio/issues/${issue.series}?refused=not_rendered`,
        303,
      );
    })
    .get('/:number/:action', async (c) => {
      const action = actionOf(c.req.param('action'));
      const issue = await issueByNumber(deps, c.req.param('number'));
      if (!issue || !action) throw noIssue(c.req.param('number'));
      const audience = await deps.subscribers.countByStatus('confirmed');
      const base = `/studio/issues/${issue.series}`;
      const text =
        action === 'send_now'
          ? t.actions.confirmText.send_now(f.number(audience))
          : t.actions.confirmText[action];
      return c.html(
        document(
          <Layout
            language={language}
            title={t.actions.confirmTitle[action]}
            nav="issues"
            csrf={c.get('session').csrfToken}
          >
            <h1>{t.actions.confirmTitle[action]}</h1>
            <p>
              <strong>{issueName(issue)}</strong>
            </p>
            <p>{text}</p>
            <form method="post" action={`${base}/${c.req.param('action')}`} class="inline">
              <Csrf token={c.get('session').csrfToken} />
              <button type="submit">{t.actions.confirmButton[action]}</button>
            </form>
            <a class="button secondary" href={base}>
              {t.actions.back}
            </a>
          </Layout>,
        ),
      );
    })
    .post('/:number/:action', async (c) => {
      const action = actionOf(c.req.param('action'));
      const issue = await issueByNumber(deps, c.req.param('number'));
      if (!issue || !action) throw noIssue(c.req.param('number'));
      const by = c.get('session').email;
      const base = `/studio/issues/${issue.series}`;
      const result =
        action === 'hold' || action === 'cancel'
          ? await holdIssue(issue.id, action === 'hold' ? 'held' : 'cancelled', by, holdDeps)
          : action === 'release'
            ? await releaseIssue(issue.id, by, holdDeps)
            : await sendNow(deps, issue.id, issue.sunday, by);
      deps.logger.info('studio action', { issueId: issue.id, action, ok: result.ok });
      if (!result.ok) return c.redirect(`${base}?refused=${result.error}`, 303);
      return c.redirect(
        action === 'send_now' ? `/studio/campaigns/${issue.series}` : `${base}?done=${action}`,
        303,
      );
    });
};

/** Only the coming Sunday's issue, not held, and only where this runtime can start the dispatch. */
const sendNow = async (deps: StudioDeps, issueId: `iss_${number}`, sunday: string, by: string) => {
  if (!deps.studio.sendNow) return { ok: false as const, error: 'unavailable' };
  if (sunday !== sundayOnOrAfter(deps.clock.now(), deps.settings.timeZone))
    return { ok: false as const, error: 'not_coming' };
  if (await deps.studio.holds.get(issueId)) return { ok: false as const, error: 'held' };
  const result = await deps.studio.sendNow();
  if (result.kind !== 'dispatched' && result.kind !== 'requested' && result.kind !== 'already_started')
    return { ok: false as const, error: result.kind };
  await deps.studio.holds.record({ issueId, action: 'send_now', by, at: deps.clock.now().toISOString() });
  return { ok: true as const };
};
