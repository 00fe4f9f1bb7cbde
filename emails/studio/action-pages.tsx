import type { Issue, Language } from '../../shared/domain/issue.ts';
import type { IssueAction } from '../../shared/domain/studio/issue-actions.ts';
import type { ActRefusal } from '../../shared/usecases/studio/act-on-issue.ts';
import type { Formatter } from '../../shared/i18n/studio/format.ts';
import type { IssueActionStrings } from '../../shared/i18n/studio/issue-action-strings.ts';
import { issueName } from '../../shared/domain/studio/issue-name.ts';
import type { StudioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import { ButtonLink } from './ui/button-link.tsx';
import { document, Page } from './ui/layout.tsx';
import { Alert } from './ui/notes.tsx';
import { PostButton } from './ui/post-button.tsx';
import { Select } from './ui/select.tsx';

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
  return document(
    <Page language={props.language} title={a.refusedTitle} nav="issues" csrf={props.csrf}>
      <p>
        <strong>{issueName(issue)}</strong>
      </p>
      <Alert>{a.why[props.why](f.sunday(issue.sunday))}</Alert>
      <p>{a.nothingDone}</p>
      <p>
        {props.hasCampaign ? (
          <>
            <ButtonLink href={`/studio/campaigns/${issue.series}`}>{a.seeCampaign}</ButtonLink>{' '}
          </>
        ) : null}
        <ButtonLink secondary href={`/studio/issues/${issue.series}`}>
          {a.seeIssue}
        </ButtonLink>
      </p>
    </Page>,
  );
};

/** The confirmation of one action; a move offers the free Sundays to choose from. */
export const confirmPage = (
  props: PageProps & { action: IssueAction; audience: string; freeSundays: string[] },
) => {
  const { issue, t, a, f, action } = props;
  const base = `/studio/issues/${issue.series}`;
  const move = action === 'move';
  const text = move
    ? a.moveText(f.sunday(issue.sunday))
    : action === 'send_now'
      ? t.actions.confirmText.send_now(props.audience)
      : t.actions.confirmText[action];
  const label = move ? a.moveButton : t.actions.confirmButton[action];
  const sundays = props.freeSundays.map((sunday) => [sunday, f.sunday(sunday)] as const);
  return document(
    <Page
      language={props.language}
      title={move ? a.moveTitle : t.actions.confirmTitle[action]}
      nav="issues"
      csrf={props.csrf}
    >
      <p>
        <strong>{issueName(issue)}</strong> · {f.sunday(issue.sunday)}
      </p>
      <p>{text}</p>
      {!move || sundays.length > 0 ? (
        <PostButton inline action={`${base}/${action.replace('_', '-')}`} csrf={props.csrf} label={label}>
          {move ? (
            <p>
              <Select id="to" label={a.moveLabel} options={sundays} />
            </p>
          ) : null}
        </PostButton>
      ) : (
        <p class="alert">{a.noFreeSunday}</p>
      )}
      <ButtonLink secondary href={base}>
        {t.actions.back}
      </ButtonLink>
    </Page>,
  );
};
