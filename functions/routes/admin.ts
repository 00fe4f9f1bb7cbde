import { Hono } from 'hono';
import { parseIssueId } from '../../shared/domain/issue.ts';
import { parsePreviewOptions } from '../../shared/usecases/preview-options.ts';
import { issueWarnings } from '../../shared/usecases/music/issue-warnings.ts';
import { previewIssue } from '../../shared/usecases/preview-issue.ts';
import { testSend } from '../../shared/usecases/test-send.ts';
import { normaliseEmail } from '../../shared/domain/email-address.ts';
import type { AppDeps } from '../app-deps.ts';
import { HttpProblem, invalidFields } from '../http/problem.ts';
import { campaignSummary } from '../../shared/usecases/campaign/campaign-summary.ts';
import { authorBanner } from '../../emails/author-banner.ts';
import { samplePersonalisation } from '../../shared/domain/public-urls.ts';

export const adminRoutes = (deps: AppDeps) => {
  // What the preview and the test mail show: the rendered issue, a sample reader's links, its warnings.
  const preview = {
    store: deps.issues,
    sample: samplePersonalisation(deps.settings.publicBaseUrl),
    warnings: deps.warnings,
    banner: authorBanner(deps.settings.authorLanguage, deps.settings.timeZone),
  };
  return new Hono()
    .post('/issues/:id/test-send', async (c) => {
      const id = issueIdOf(c.req.param('id'));
      const body: unknown = await c.req.json().catch(() => undefined);
      const fields = (body ?? {}) as { to?: unknown; platform?: unknown; language?: unknown };
      const to = normaliseEmail(String(fields.to ?? ''));
      const options = parsePreviewOptions(fields, { platform: '/platform', language: '/language' });
      if (!options.ok) throw invalidFields(options.errors);
      const { variant, language } = options.value;
      if (!to) throw invalidFields([{ pointer: '/to', detail: 'must be an email address' }]);
      const sent = await testSend(
        id,
        to,
        { ...preview, mailer: deps.mailer, sender: deps.sender },
        variant,
        language,
      );
      if (!sent.ok && sent.error === 'not_found') throw notFound(id);
      if (!sent.ok) throw notRendered(id);
      if (sent.outcome.kind !== 'sent') {
        throw new HttpProblem(
          502,
          'test-send-failed',
          'The test mail was not sent',
          `SES answered: ${sent.outcome.kind}.`,
        );
      }
      return c.json(
        {
          sent: true,
          to,
          revision: sent.revision,
          messageId: sent.outcome.messageId,
          warnings: sent.warnings,
        },
        202,
      );
    })
    .get('/campaigns/:id', async (c) => {
      const raw = c.req.param('id');
      const summary = await campaignSummary(raw, deps);
      if (!summary)
        throw new HttpProblem(404, 'campaign-not-found', 'No such campaign', `There is no campaign ${raw}.`);
      return c.json(summary);
    })
    .get('/issues/:id/preview', async (c) => {
      const id = issueIdOf(c.req.param('id'));
      const options = parsePreviewOptions(
        { platform: c.req.query('platform'), language: c.req.query('language') },
        { platform: 'platform', language: 'language' },
      );
      if (!options.ok) throw invalidFields(options.errors);
      const { variant, language } = options.value;
      const shown = await previewIssue(id, preview, variant, language);
      if (!shown.ok && shown.error === 'not_found') throw notFound(id);
      if (!shown.ok) throw notRendered(id);
      const headers = {
        'x-dimanche-revision': String(shown.revision),
        'x-dimanche-subject': encodeURIComponent(shown.email.subject),
        'x-dimanche-warnings': String(shown.warnings.length),
      };
      return c.req.query('format') === 'text'
        ? c.text(shown.email.text, 200, headers)
        : c.html(shown.email.html, 200, headers);
    })
    .get('/issues/:id/warnings', async (c) => {
      const id = issueIdOf(c.req.param('id'));
      const listed = await issueWarnings(id, { issues: deps.issues, warnings: deps.warnings });
      if (!listed.ok) throw notFound(id);
      const { ok: _ok, ...answer } = listed;
      return c.json({ ...answer, count: answer.warnings.length });
    });
};

const notRendered = (id: string) =>
  new HttpProblem(
    409,
    'not-rendered',
    'The issue is not rendered yet',
    `Issue ${id} has no rendered revision yet.`,
  );

/** The issue a path names, or the 404 it gets. */
const issueIdOf = (raw: string) => {
  const id = parseIssueId(raw);
  if (!id) throw notFound(raw);
  return id;
};

const notFound = (id: string) =>
  new HttpProblem(404, 'issue-not-found', 'No such issue', `There is no issue ${id}.`);
