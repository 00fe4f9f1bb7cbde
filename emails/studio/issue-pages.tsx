import type { Language } from '../../shared/domain/issue.ts';
import { LINK_VARIANTS, type LinkVariant, PLATFORM_NAMES } from '../../shared/domain/platforms.ts';
import { READER_LANGUAGES } from '../../shared/domain/reader-languages.ts';
import { actionSlug } from '../../shared/domain/studio/action-slug.ts';
import { issueName } from '../../shared/domain/studio/issue-name.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import { issueActionStrings } from '../../shared/i18n/studio/issue-action-strings.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import type { IssueView } from '../../shared/usecases/studio/issue-view.ts';
import type { issuePage } from '../../shared/usecases/studio/issue-queries.ts';
import { SocialPosts, StateBadge, TestSendForm } from './issue-parts.tsx';
import { ButtonLink } from './ui/button-link.tsx';
import { document, Page } from './ui/layout.tsx';
import { Alert, Notice } from './ui/notes.tsx';
import { Section } from './ui/section.tsx';
import { Select } from './ui/select.tsx';
import { Table } from './ui/table.tsx';
import { Warnings } from './warnings-view.tsx';

type Page = { language: Language; f: Formatter; csrf: string };

/** Numéros: every issue of the last year, its Sunday, state and warnings. */
export const issueListPage = (props: Page & { views: IssueView[] }) => {
  const { language, f, csrf, views } = props;
  const t = studioStrings(language);
  return document(
    <Page language={language} title={t.issue.list} nav="issues" csrf={csrf}>
      {views.length === 0 ? (
        <p>{t.issue.none}</p>
      ) : (
        <Table heads={[t.issue.number, t.issue.sunday, t.issue.state, t.warnings.title]}>
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
        </Table>
      )}
    </Page>,
  );
};

/** What the page was asked to show: the preview's platform, reader language and width, a flash or refusal. */
export type IssuePageQuery = {
  variant: LinkVariant;
  readerLanguage: Language;
  width: 'mobile' | 'desktop';
  flash: string | undefined;
  refused: string | undefined;
};

/** One issue: its state, actions, warnings, email and posts as they will go, and what was done to it. */
export const issuePageView = (
  props: Page &
    IssuePageQuery &
    NonNullable<Awaited<ReturnType<typeof issuePage>>> & { authorEmail: string; webUrl: string },
) => {
  const { language, f, csrf, issue, view, social, actions, text, offered, authorEmail, webUrl } = props;
  const { flash, refused, width, variant, readerLanguage } = props;
  const t = studioStrings(language);
  const a = issueActionStrings(language);
  const base = `/studio/issues/${issue.series}`;
  const platforms = LINK_VARIANTS.map(
    (v) => [v, v === 'universal' ? t.issue.universal : PLATFORM_NAMES[v]] as const,
  );
  const languages = READER_LANGUAGES.map((l) => [l, t.issue.readerLanguages[l]] as const);
  const widths = [
    ['desktop', t.issue.desktop],
    ['mobile', t.issue.mobile],
  ] as const;
  return document(
    <Page language={language} title={issueName(issue)} nav="issues" csrf={csrf}>
      {flash === 'test' ? <Notice>{t.issue.testSent(authorEmail)}</Notice> : null}
      {flash && flash in t.actions.done ? (
        <Notice>{t.actions.done[flash as keyof typeof t.actions.done]}</Notice>
      ) : null}
      {flash === 'move' ? <Notice>{a.moveDone}</Notice> : null}
      {refused ? (
        <Alert>
          {refused in t.actions.refused
            ? String((t.actions.refused as Record<string, unknown>)[refused])
            : t.actions.refused.other(refused)}
        </Alert>
      ) : null}
      <p>
        {f.sunday(issue.sunday)} · <StateBadge state={view.state} t={t} /> ·{' '}
        <a href={webUrl}>{t.issue.web}</a>
      </p>
      <Section id="actions" title={t.issue.actions}>
        {issue.renderedRevision !== undefined ? (
          <TestSendForm series={issue.series} to={authorEmail} csrf={csrf} t={t} back="issue" />
        ) : null}
        {offered.map((action) => (
          <>
            <ButtonLink secondary={action !== 'send_now'} href={`${base}/${actionSlug(action)}`}>
              {action === 'move' ? a.move : t.actions[action]}
            </ButtonLink>{' '}
          </>
        ))}
        {view.campaign ? (
          <p>
            <a href={`/studio/campaigns/${issue.series}`}>{t.campaigns.open}</a>
          </p>
        ) : null}
      </Section>
      <Section id="warnings" title={t.warnings.title}>
        <Warnings warnings={view.warnings} tracks={issue.tracks} t={t} f={f} />
      </Section>
      <Section id="preview" title={t.issue.preview}>
        {issue.renderedRevision === undefined ? (
          <p>{t.issue.notRendered}</p>
        ) : (
          <>
            <form method="get" action={base}>
              <Select id="platform" label={t.issue.platform} options={platforms} selected={variant} />
              <Select
                id="language"
                label={t.issue.readerLanguage}
                options={languages}
                selected={readerLanguage}
              />
              <Select id="width" label={t.issue.width} options={widths} selected={width} />
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
      </Section>
      {social.ok ? (
        <Section id="social" title={t.issue.social}>
          <SocialPosts posts={social.posts} t={t} />
        </Section>
      ) : null}
      <Section id="history" title={t.issue.history}>
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
      </Section>
    </Page>,
  );
};
