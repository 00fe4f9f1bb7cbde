import type { AuthorNotice } from '../shared/ports/author-notices.ts';
import type { AuthorFormat } from './author-format.ts';
import type { StudioLinks } from '../shared/domain/public-urls.ts';
import { reportView } from './author-report-view.ts';
import { type AuthorMailView, view } from './author-view.ts';
import { warningSummary } from './author-warnings-view.ts';

type Of<K extends AuthorNotice['kind']> = Extract<AuthorNotice, { kind: K }>;

const warningsView = (notice: Of<'warnings'>, f: AuthorFormat, links: StudioLinks) => {
  const s = f.strings.warnings;
  const said = f.said(notice.issue);
  const { total, groups } = warningSummary(notice.warnings, notice.issue, f);
  const count = f.count(total);
  return view({
    subject: s.subject(said, count),
    heading: s.heading(said),
    paragraphs: [s.intro(said, count)],
    groups,
    closing: [s.closing],
    button: { label: s.button, url: links.issue(notice.issue.series) },
  });
};

/** "Demain 9 h" when the send is the next day in her zone, else the day spelled out. */
const when = (sendAt: string, at: string, f: AuthorFormat) => {
  const sendDay = f.dateIn(sendAt);
  const tomorrow = new Date(`${f.dateIn(at)}T12:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  return sendDay === tomorrow.toISOString().slice(0, 10)
    ? f.strings.eve.tomorrow(f.clock(sendAt))
    : f.strings.eve.onDay(f.sunday(sendDay), f.clock(sendAt));
};

/** The account's red checks, first what they mean, then one line each with what to do. */
const deliverabilityLines = (notice: Of<'eve_reminder'>, f: AuthorFormat): string[] => {
  const red = notice.deliverability ?? [];
  if (red.length === 0) return [];
  const s = f.strings.eve;
  return [s.deliverability(f.count(red.length)), ...red.map((item) => s.deliverabilityLine(item.text))];
};

const silentLines = (notice: Of<'eve_reminder'>, f: AuthorFormat): string[] => {
  const silent = notice.silentNetworks ?? [];
  if (silent.length === 0) return [];
  const s = f.strings.eve;
  return [
    s.silentNetworks(silent.length),
    ...silent.map(({ network, why }) => s.silentNetwork(f.network(network), why)),
  ];
};

const eveView = (notice: Of<'eve_reminder'>, f: AuthorFormat, links: StudioLinks) => {
  const s = f.strings.eve;
  const said = f.said(notice.issue);
  const at = when(notice.sendAt, notice.at, f);
  const audience = f.count(notice.audience);
  const { total, groups } = warningSummary(notice.warnings, notice.issue, f);
  return view({
    subject: s.subject(at, said, audience),
    heading: s.heading(at, said),
    paragraphs: [
      s.intro(at, audience),
      total > 0 ? s.withWarnings(f.count(total)) : s.noWarnings,
      ...deliverabilityLines(notice, f),
      ...silentLines(notice, f),
    ],
    groups,
    button: { label: s.button, url: links.home },
  });
};

const failureViews = (notice: AuthorNotice, f: AuthorFormat, links: StudioLinks) => {
  const s = f.strings;
  switch (notice.kind) {
    case 'nothing_due': {
      const at = when(notice.sendAt, notice.at, f);
      return view({
        subject: s.nothingDue.subject(at),
        heading: s.nothingDue.heading,
        paragraphs: [s.nothingDue.body(f.sunday(notice.sunday))],
        button: { label: s.nothingDue.button, url: links.home },
      });
    }
    case 'too_late': {
      const said = f.said(notice.issue);
      return view({
        subject: s.tooLate.subject(said),
        heading: s.tooLate.heading,
        paragraphs: [s.tooLate.body(said, f.wallClock(notice.deadline))],
        button: { label: s.tooLate.button, url: links.issue(notice.issue.series) },
      });
    }
    case 'not_rendered': {
      const said = f.said(notice.issue);
      return view({
        subject: s.notRendered.subject(said),
        heading: s.notRendered.heading,
        paragraphs: [s.notRendered.body(said)],
        button: { label: s.notRendered.button, url: links.issue(notice.issue.series) },
      });
    }
    case 'quota_paused': {
      const said = f.said(notice.issue);
      const { sent, audience } = notice.counts;
      return view({
        subject: s.quota.subject(said),
        heading: s.quota.heading,
        paragraphs: [s.quota.body(said, f.count(sent), f.count(audience), f.moment(notice.resumeAt))],
        button: { label: s.quota.button, url: links.campaign(notice.issue.series) },
      });
    }
    case 'feed_unreadable':
      return view({
        subject: s.feed.subject,
        heading: s.feed.heading,
        paragraphs: [
          ...(notice.notPublic ? [s.feed.notPublic(notice.url)] : []),
          ...s.feed.body(f.count(notice.failures), notice.url, notice.detail),
        ],
        button: { label: s.feed.button, url: links.settings },
      });
    case 'blog_not_public':
      return view({
        subject: s.blogNotPublic.subject,
        heading: s.blogNotPublic.heading,
        paragraphs: s.blogNotPublic.body(notice.url),
        button: { label: s.blogNotPublic.button, url: links.settings },
      });
    default:
      return socialView(notice, f, links);
  }
};

const socialView = (notice: AuthorNotice, f: AuthorFormat, links: StudioLinks): AuthorMailView => {
  const s = f.strings.social;
  if (notice.kind === 'social_needs_reconnect') {
    const network = f.network(notice.network);
    return view({
      subject: s.reconnectSubject(network),
      heading: s.reconnectHeading(network),
      paragraphs: s.reconnectBody(network, notice.reason, f.said(notice.issue)),
      button: { label: s.settingsButton, url: links.settings },
    });
  }
  if (notice.kind === 'account_to_reconnect') {
    const network = f.network(notice.network);
    return view({
      subject: s.accountSubject(network),
      heading: s.accountSubject(network),
      paragraphs: s.accountBody(network, notice.label),
      button: { label: s.reconnectButton, url: `${links.settings}#social` },
    });
  }
  if (notice.kind === 'social_failed' || notice.kind === 'social_unconfirmed') {
    const network = f.network(notice.network);
    const said = f.said(notice.issue);
    const failed = notice.kind === 'social_failed';
    const subject = failed ? s.failedSubject(network, said) : s.unconfirmedSubject(network, said);
    return view({
      subject,
      heading: subject,
      paragraphs: (failed ? s.failedBody : s.unconfirmedBody)(network, notice.detail, said),
      button: { label: s.campaignButton, url: links.campaign(notice.issue.series) },
    });
  }
  throw new TypeError(`no mail for the author notice ${notice.kind}`);
};

/** What each notice says, in the format's language and zone. */
export const authorMailView = (notice: AuthorNotice, f: AuthorFormat, links: StudioLinks): AuthorMailView => {
  switch (notice.kind) {
    case 'campaign_report':
      return reportView(notice, f, links);
    case 'warnings':
      return warningsView(notice, f, links);
    case 'eve_reminder':
      return eveView(notice, f, links);
    default:
      return failureViews(notice, f, links);
  }
};
