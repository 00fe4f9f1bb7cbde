import { Hono } from 'hono';
import { readerLanguageOf, variantOf } from '../../shared/domain/studio/preview-choice.ts';
import { actionOfSlug } from '../../shared/domain/studio/action-slug.ts';
import { formatter } from '../../shared/i18n/studio/format.ts';
import { issueActionStrings } from '../../shared/i18n/studio/issue-action-strings.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import { actionConfirmation, actOnNumber } from '../../shared/usecases/studio/issue-action-flow.ts';
import { issueEmail, issueList, issuePage } from '../../shared/usecases/studio/issue-queries.ts';
import { testSendIssue } from '../../shared/usecases/studio/test-send-issue.ts';
import { HttpProblem } from '../http/problem.ts';
import { archiveUrl } from '../../shared/domain/public-urls.ts';
import { confirmPage, refusalPage } from '../../emails/studio/action-pages.tsx';
import { issueListPage, issuePageView } from '../../emails/studio/issue-pages.tsx';
import { emailPreviewHeaders } from './security-headers.ts';
import type { StudioEnv } from './session.ts';
import type { StudioDeps } from './studio-deps.ts';
import type { StudioPorts } from './studio-ports.ts';

const noIssue = (raw: string) =>
  new HttpProblem(404, 'issue-not-found', 'No such issue', `There is no issue #${raw.slice(0, 12)}.`);

/** Numéros: the list, an issue's page, its email in a frame, and the actions, each behind a confirmation. */
export const issueRoutes = (deps: StudioDeps, ports: StudioPorts) => {
  const { language } = deps.studio;
  const t = studioStrings(language);
  const f = formatter(language, deps.settings.timeZone);
  const a = issueActionStrings(language);
  const base = deps.settings.publicBaseUrl;

  return new Hono<StudioEnv>()
    .get('/', async (c) =>
      c.html(issueListPage({ language, f, csrf: c.get('session').csrfToken, views: await issueList(ports) })),
    )
    .get('/:number', async (c) => {
      const variant = variantOf(c.req.query('platform'));
      const asked = readerLanguageOf(c.req.query('language'));
      const page = await issuePage(ports, c.req.param('number'), { variant, language: asked });
      if (!page) throw noIssue(c.req.param('number'));
      return c.html(
        issuePageView({
          language,
          f,
          csrf: c.get('session').csrfToken,
          ...page,
          variant,
          readerLanguage: asked ?? page.issue.language,
          width: c.req.query('width') === 'mobile' ? 'mobile' : 'desktop',
          flash: c.req.query('done'),
          refused: c.req.query('refused'),
          authorEmail: deps.studio.authorEmail,
          webUrl: archiveUrl(base, page.issue.slug),
        }),
      );
    })
    .get('/:number/email', async (c) => {
      const choice = {
        variant: variantOf(c.req.query('platform')),
        language: readerLanguageOf(c.req.query('language')),
      };
      const email = await issueEmail(ports, c.req.param('number'), choice);
      if (!email) throw noIssue(c.req.param('number'));
      return c.html(email.html, 200, emailPreviewHeaders);
    })
    .post('/:number/test-send', async (c) => {
      const sent = await testSendIssue(ports, c.req.param('number'), c.get('session').email);
      if (!sent) throw noIssue(c.req.param('number'));
      const issuePath = `/studio/issues/${sent.issue.series}`;
      const back = (await c.req.parseBody()).back === 'week' ? '/studio' : issuePath;
      return c.redirect(sent.ok ? `${back}?done=test` : `${issuePath}?refused=not_rendered`, 303);
    })
    .get('/:number/:action', async (c) => {
      const action = actionOfSlug(c.req.param('action'));
      const shown = action ? await actionConfirmation(ports, c.req.param('number'), action) : undefined;
      if (!action || !shown) throw noIssue(c.req.param('number'));
      const page = { issue: shown.issue, t, a, f, language, csrf: c.get('session').csrfToken };
      // A stale tab or Back: today's state decides, and the page says why instead of offering the button.
      if (!shown.ok) return c.html(refusalPage({ ...page, ...shown }), 409);
      const audience = f.number(shown.audience);
      return c.html(confirmPage({ ...page, action, audience, freeSundays: shown.freeSundays }));
    })
    .post('/:number/:action', async (c) => {
      const action = actionOfSlug(c.req.param('action'));
      if (!action) throw noIssue(c.req.param('number'));
      const body = await c.req.parseBody();
      const to = typeof body.to === 'string' ? body.to : undefined;
      const by = c.get('session').email;
      const done = await actOnNumber(ports, c.req.param('number'), action, { by, ...(to ? { to } : {}) });
      if (!done) throw noIssue(c.req.param('number'));
      const { issue } = done;
      deps.logger.info('studio action', {
        issueId: issue.id,
        action,
        ok: done.ok,
        ...(done.ok ? {} : { why: done.why }),
      });
      if (!done.ok) {
        const page = { issue, t, a, f, language, csrf: c.get('session').csrfToken };
        return c.html(refusalPage({ ...page, ...done }), 409);
      }
      const next =
        action === 'send_now'
          ? `/studio/campaigns/${issue.series}`
          : `/studio/issues/${issue.series}?done=${action}`;
      return c.redirect(next, 303);
    });
};
