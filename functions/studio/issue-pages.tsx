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
import { document, Layout } from './layout.tsx';
import { Warnings } from './warnings-view.tsx';

type Page = { language: Language; f: Formatter; csrf: string };

/** Numéros: every issue of the last year, its Sunday, state and warnings. */
export const issueListPage = (props: Page & { views: IssueView[] }) => {
  const { language, f, csrf, views } = props;
  const t = studioStrings(language);
  return document(
    <Layout language={language} title={t.issue.list} nav="issues" csrf={csrf}>
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
  return document(
    <Layout language={language} title={issueName(issue)} nav="issues" csrf={csrf}>
      <h1>{issueName(issue)}</h1>
      {flash === 'test' ? (
        <p class="notice" role="status">
          {t.issue.testSent(authorEmail)}
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
        <a href={webUrl}>{t.issue.web}</a>
      </p>
      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{t.issue.actions}</h2>
        {issue.renderedRevision !== undefined ? (
          <TestSendForm series={issue.series} to={authorEmail} csrf={csrf} t={t} back="issue" />
        ) : null}
        {offered.map((action) => (
          <>
            <a
              class={`button${action === 'send_now' ? '' : ' secondary'}`}
              href={`${base}/${actionSlug(action)}`}
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
  );
};
