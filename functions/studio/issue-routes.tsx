import { Hono } from 'hono';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import {
  type ActionFacts,
  actionVerdict,
  allowedActions,
  ISSUE_ACTIONS,
  type IssueAction,
} from '../../shared/domain/studio/issue-actions.ts';
import type { Language } from '../../shared/domain/issue.ts';
import { LINK_VARIANTS, type LinkVariant, PLATFORM_NAMES } from '../../shared/domain/platforms.ts';
import { READER_LANGUAGES } from '../../shared/domain/reader-languages.ts';
import { previewIssue } from '../../shared/usecases/preview-issue.ts';
import { previewSocial } from '../../shared/usecases/social/preview-social.ts';
import { type ActDeps, actOnIssue } from '../../shared/usecases/studio/act-on-issue.ts';
import { issueFacts } from '../../shared/usecases/studio/issue-facts.ts';
import { sundayPlan } from '../../shared/usecases/sundays/sunday-plan.ts';
import { confirmPage, refusalPage } from './action-pages.tsx';
import { issueActionStrings } from '../../shared/i18n/studio/issue-action-strings.ts';
import { PLAN_WEEKS } from './sunday-plan-view.tsx';
import { testSend } from '../../shared/usecases/test-send.ts';
import { authorBanner } from '../../emails/author-banner.ts';
import { HttpProblem } from '../http/problem.ts';
import { archiveUrl, samplePersonalisation } from '../routes/links.ts';
import { formatter } from '../../shared/i18n/studio/format.ts';
import { issueByNumber, issueName, issueView } from './issue-data.ts';
import { SocialPosts, StateBadge, TestSendForm } from './issue-parts.tsx';
import { document, Layout } from './layout.tsx';
import { emailPreviewHeaders } from './security-headers.ts';
import type { StudioEnv } from './session.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import type { StudioDeps } from './studio-deps.ts';
import { Warnings } from './warnings-view.tsx';
import { socialSettings } from './week-page.tsx';

const actionOf = (raw: string): IssueAction | undefined =>
  (ISSUE_ACTIONS as readonly string[]).includes(raw.replace('-', '_'))
    ? (raw.replace('-', '_') as IssueAction)
    : undefined;

const noIssue = (raw: string) =>
  new HttpProblem(404, 'issue-not-found', 'No such issue', `There is no issue #${raw.slice(0, 12)}.`);

/** A reader's language to preview in (the mail's chrome follows it); the issue's own when absent or unknown. */
const readerLanguageOf = (raw: string | undefined): Language | undefined =>
  READER_LANGUAGES.find((language) => language === raw);

const variantOf = (raw: string | undefined): LinkVariant =>
  raw && (LINK_VARIANTS as readonly string[]).includes(raw) ? (raw as LinkVariant) : 'universal';

/** Numéros: the list, an issue's page, its email in a frame, and the actions, each behind a confirmation. */
export const issueRoutes = (deps: StudioDeps) => {
  const { language } = deps.studio;
  const t = studioStrings(language);
  const f = formatter(language, deps.settings.timeZone);
  const sample = samplePersonalisation(deps.settings.publicBaseUrl);
  const banner = authorBanner(language, deps.settings.timeZone);
  const a = issueActionStrings(language);
  const actDeps: ActDeps = {
    store: deps.issues,
    renderTrigger: deps.renderTrigger,
    holds: deps.studio.holds,
    campaigns: deps.campaigns,
    clock: deps.clock,
    timeZone: deps.settings.timeZone,
    ...(deps.studio.sendNow ? { dispatch: deps.studio.sendNow } : {}),
  };
  /** What the page offers: the shared rule, less "send now" where this runtime cannot start a dispatch. */
  const offered = (facts: ActionFacts) =>
    allowedActions(facts).filter((action) => action !== 'send_now' || deps.studio.sendNow);

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
      const readerLanguage = readerLanguageOf(c.req.query('language')) ?? issue.language;
      const width = c.req.query('width') === 'mobile' ? 'mobile' : 'desktop';
      const [social, actions, text] = await Promise.all([
        previewSocial(issue.id, { store: deps.issues, settings: socialSettings(deps) }),
        deps.studio.holds.actions(issue.id),
        previewIssue(
          issue.id,
          { store: deps.issues, sample, warnings: deps.warnings, banner },
          variant,
          readerLanguage,
        ),
      ]);
      const flash = c.req.query('done');
      const refused = c.req.query('refused');
      const { facts } = await issueFacts(issue, actDeps);
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
            {flash === 'move' ? (
              <p class="notice" role="status">
                {a.moveDone}
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
              {offered(facts).map((action) => (
                <>
                  <a
                    class={`button${action === 'send_now' ? '' : ' secondary'}`}
                    href={`${base}/${action.replace('_', '-')}`}
                  >
                    {action === 'move' ? a.move : t.actions[action]}
                  </a>{' '}
                </>
              ))}
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
                    <label for="language">{t.issue.readerLanguage}</label>
                    <select id="language" name="language">
                      {READER_LANGUAGES.map((l) => (
                        <option value={l} selected={l === readerLanguage}>
                          {t.issue.readerLanguages[l]}
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
                    src={`${base}/email?platform=${variant}&language=${readerLanguage}`}
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
                  {actions.map((done) => (
                    <li>
                      {done.action === 'move'
                        ? a.moved(f.sunday(done.from ?? ''), f.sunday(done.to ?? ''))
                        : t.actions[done.action]}{' '}
                      — {t.issue.by(done.by, f.short(done.at))}
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
        readerLanguageOf(c.req.query('language')),
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
      const page = { issue, t, a, f, language, csrf: c.get('session').csrfToken };
      const { facts, campaign } = await issueFacts(issue, actDeps);
      const verdict = actionVerdict(action, facts);
      // A stale tab or Back: today's state decides, and the page says why instead of offering the button.
      if (!verdict.ok)
        return c.html(refusalPage({ ...page, why: verdict.why, hasCampaign: Boolean(campaign) }), 409);
      const [audience, plan] = await Promise.all([
        action === 'send_now' ? deps.subscribers.countByStatus('confirmed') : Promise.resolve(0),
        action === 'move' ? sundayPlan(facts.comingSunday, PLAN_WEEKS, deps.issues) : Promise.resolve([]),
      ]);
      const freeSundays = plan.filter((p) => !p.issue).map((p) => p.sunday);
      return c.html(confirmPage({ ...page, action, audience: f.number(audience), freeSundays }));
    })
    .post('/:number/:action', async (c) => {
      const action = actionOf(c.req.param('action'));
      const issue = await issueByNumber(deps, c.req.param('number'));
      if (!issue || !action) throw noIssue(c.req.param('number'));
      const body = await c.req.parseBody();
      const to = typeof body.to === 'string' ? body.to : undefined;
      const by = c.get('session').email;
      const result = await actOnIssue(issue, action, { by, ...(to ? { to } : {}) }, actDeps);
      deps.logger.info('studio action', {
        issueId: issue.id,
        action,
        ok: result.ok,
        ...(result.ok ? {} : { why: result.why }),
      });
      if (!result.ok) {
        const campaign = await deps.campaigns.get(campaignIdFor(issue.id));
        const page = { issue, t, a, f, language, csrf: c.get('session').csrfToken };
        return c.html(refusalPage({ ...page, why: result.why, hasCampaign: Boolean(campaign) }), 409);
      }
      return c.redirect(
        action === 'send_now'
          ? `/studio/campaigns/${issue.series}`
          : `/studio/issues/${issue.series}?done=${action}`,
        303,
      );
    });
};
