import type { MostPlayed } from '../shared/domain/music/most-played.ts';
import { PLATFORM_NAMES, type LinkVariant } from '../shared/domain/platforms.ts';
import type { AuthorNotice } from '../shared/ports/author-notices.ts';
import type { AuthorFormat } from './author-format.ts';
import type { StudioLinks } from '../shared/domain/public-urls.ts';
import { type AuthorMailView, view } from './author-view.ts';

type Report = Extract<AuthorNotice, { kind: 'campaign_report' }>;

const VARIANT_NAMES: Record<LinkVariant, string> = { universal: 'song.link', ...PLATFORM_NAMES };

const pickText = ({ track, clicks, platforms }: MostPlayed, f: AuthorFormat) =>
  f.strings.report.pick(
    f.strings.track(track.position, track.artist, track.title),
    f.count(clicks),
    platforms.map((p) => `${VARIANT_NAMES[p.platform]} ${f.count(p.clicks)}`).join(', '),
  );

const posts = (notice: Report, f: AuthorFormat): AuthorMailView['links'] =>
  notice.posts.map(({ network, attempt }) => {
    const label = f.network(network);
    if (!attempt) return { label, text: f.strings.report.noOutcome };
    const state = f.strings.report.postState[attempt.state];
    if (attempt.postUrl) return { label, text: attempt.postUrl, url: attempt.postUrl };
    return { label, text: attempt.detail ? `${state} (${attempt.detail})` : state };
  });

/** The campaign report: counts, the most-played pick, the social posts, and the studio's full report. */
export const reportView = (notice: Report, f: AuthorFormat, links: StudioLinks): AuthorMailView => {
  const s = f.strings.report;
  const said = f.said(notice.issue);
  const { counts } = notice;
  const picks = [
    notice.pick ? s.mostPlayed(pickText(notice.pick, f)) : s.noClicks,
    ...(notice.previous ? [s.previous(notice.previous.series, pickText(notice.previous.pick, f))] : []),
  ];
  return view({
    subject: s.subject(said, f.count(counts.sent), f.count(counts.audience)),
    heading: s.heading(said),
    paragraphs: [s.intro(said, f.moment(notice.startedAt), f.moment(notice.finishedAt))],
    facts: [
      { label: s.audience, value: f.count(counts.audience) },
      { label: s.delivered, value: f.count(counts.sent) },
      { label: s.failed, value: f.count(counts.failed) },
      { label: s.ambiguous, value: f.count(counts.ambiguous) },
      ...(counts.skipped > 0 ? [{ label: s.skipped, value: f.count(counts.skipped) }] : []),
    ],
    linksTitle: s.postsTitle,
    links: notice.posts.length > 0 ? posts(notice, f) : [{ label: s.postsTitle, text: s.noNetworks }],
    closing: [
      ...picks,
      ...(notice.pausedUntil ? [s.paused(f.moment(notice.pausedUntil))] : []),
      ...(counts.ambiguous > 0 ? [s.ambiguousHint] : []),
    ],
    button: { label: s.button, url: links.campaign(notice.issue.series) },
  });
};
