import type { Issue, Language } from '../../shared/domain/issue.ts';
import type { IssueAction } from '../../shared/domain/studio/issue-actions.ts';
import type { ActRefusal } from '../../shared/usecases/studio/act-on-issue.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import type { IssueActionStrings } from '../../shared/i18n/studio/issue-action-strings.ts';
import { issueName } from '../../shared/domain/studio/issue-name.ts';
import { Csrf, document, Layout } from './layout.tsx';
import type { StudioStrings } from '../../shared/i18n/studio/studio-strings.ts';

type PageProps = {
  issue: Issue;
  t: StudioStrings;
  a: IssueActionStrings;
  f: Formatter;
  language: Language;
  csrf: string;
};

/**
 * Why an action on this issue cannot be done, said in words, with a link to what happened: its campaign when
 * it went out or is going out, else the issue itself. A stale tab, Back, or a replayed form lands here.
 */
export const refusalPage = (props: PageProps & { why: ActRefusal; hasCampaign: boolean }) => {
  const { issue, a, f } = props;
  const base = `/studio/issues/${issue.series}`;
  return document(
    <Layout language={props.language} title={a.refusedTitle} nav="issues" csrf={props.csrf}>
      <h1>{a.refusedTitle}</h1>
      <p>
        <strong>{issueName(issue)}</strong>
      </p>
      <p class="alert" role="alert">
        {a.why[props.why](f.sunday(issue.sunday))}
      </p>
      <p>{a.nothingDone}</p>
      <p>
        {props.hasCampaign ? (
          <>
            <a class="button" href={`/studio/campaigns/${issue.series}`}>
              {a.seeCampaign}
            </a>{' '}
          </>
        ) : null}
        <a class="button secondary" href={base}>
          {a.seeIssue}
        </a>
      </p>
    </Layout>,
  );
};

/** The confirmation of one action; a move offers the free Sundays to choose from. */
export const confirmPage = (
  props: PageProps & { action: IssueAction; audience: string; freeSundays: string[] },
) => {
  const { issue, t, a, f, action } = props;
  const base = `/studio/issues/${issue.series}`;
  const slug = action.replace('_', '-');
  const title = action === 'move' ? a.moveTitle : t.actions.confirmTitle[action];
  const text =
    action === 'move'
      ? a.moveText(f.sunday(issue.sunday))
      : action === 'send_now'
        ? t.actions.confirmText.send_now(props.audience)
        : t.actions.confirmText[action];
  const canConfirm = action !== 'move' || props.freeSundays.length > 0;
  return document(
    <Layout language={props.language} title={title} nav="issues" csrf={props.csrf}>
      <h1>{title}</h1>
      <p>
        <strong>{issueName(issue)}</strong> · {f.sunday(issue.sunday)}
      </p>
      <p>{text}</p>
      {canConfirm ? (
        <form method="post" action={`${base}/${slug}`} class="inline">
          <Csrf token={props.csrf} />
          {action === 'move' ? (
            <p>
              <label for="to">{a.moveLabel}</label>
              <select id="to" name="to">
                {props.freeSundays.map((sunday) => (
                  <option value={sunday}>{f.sunday(sunday)}</option>
                ))}
              </select>
            </p>
          ) : null}
          <button type="submit">{action === 'move' ? a.moveButton : t.actions.confirmButton[action]}</button>
        </form>
      ) : (
        <p class="alert">{a.noFreeSunday}</p>
      )}
      <a class="button secondary" href={base}>
        {t.actions.back}
      </a>
    </Layout>,
  );
};
