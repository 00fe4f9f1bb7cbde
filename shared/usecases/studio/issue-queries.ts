import { allowedActions } from '../../domain/studio/issue-actions.ts';
import type { Language } from '../../domain/issue.ts';
import type { LinkVariant } from '../../domain/platforms.ts';
import type { Personalisation } from '../../domain/rendered-email.ts';
import type { IssueHolds } from '../../ports/issue-holds.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import type { WarningBannerWriter } from '../../ports/warning-banner.ts';
import { previewIssue } from '../preview-issue.ts';
import { previewSocial, type SocialPreviewSettings } from '../social/preview-social.ts';
import { issueFacts } from './issue-facts.ts';
import { issueByNumber, issueView, type IssueViewPorts } from './issue-view.ts';

/** The email as a reader gets it: sample links, the warnings' banner on top. */
export type PreviewPorts = {
  issues: IssueStore;
  sample: Personalisation;
  banner: WarningBannerWriter;
};

export type IssuePagePorts = IssueViewPorts &
  PreviewPorts & {
    holds: { get: IssueHolds['get']; actions: IssueHolds['actions'] };
    social: SocialPreviewSettings;
    /** Whether this runtime can start a dispatch: where it cannot, "send now" is not offered. */
    canSendNow: boolean;
  };

/** Numéros: the last year's issues, each with its state and warnings. */
export const issueList = async (ports: IssuePagePorts) => {
  const issues = await ports.issues.pageBySunday({ limit: 52 });
  return Promise.all(issues.map((issue) => issueView(ports, issue)));
};

/** What the page's preview shows: the links of one platform, the chrome of one reader language. */
export type PreviewChoice = { variant: LinkVariant; language?: Language | undefined };

/** One issue's page: its state, the action rule's facts, its email and posts as they will go, its history. */
export const issuePage = async (ports: IssuePagePorts, number: string, choice: PreviewChoice) => {
  const issue = await issueByNumber(ports, number);
  if (!issue) return undefined;
  const [view, social, actions, text, { facts }] = await Promise.all([
    issueView(ports, issue),
    previewSocial(issue.id, { store: ports.issues, settings: ports.social }),
    ports.holds.actions(issue.id),
    previewIssue(
      issue.id,
      { ...ports, store: ports.issues },
      choice.variant,
      choice.language ?? issue.language,
    ),
    issueFacts(issue, ports),
  ]);
  const offered = allowedActions(facts).filter((action) => action !== 'send_now' || ports.canSendNow);
  return { issue, view, social, actions, text, offered };
};

/** The issue's email as a reader of that platform and language gets it; none when it is not rendered. */
export const issueEmail = async (
  ports: IssueViewPorts & PreviewPorts,
  number: string,
  choice: PreviewChoice,
) => {
  const issue = await issueByNumber(ports, number);
  if (!issue) return undefined;
  const preview = await previewIssue(
    issue.id,
    { ...ports, store: ports.issues },
    choice.variant,
    choice.language,
  );
  return preview.ok ? preview.email : undefined;
};
