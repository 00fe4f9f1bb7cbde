import type { Issue, Track } from '../shared/domain/issue.ts';
import type { TrackLinkSet } from '../shared/domain/music/track-link-sets.ts';
import { PLACEHOLDERS, variantToken } from '../shared/domain/rendered-email.ts';
import { ledeOf, storyLine } from '../shared/domain/lede.ts';
import { teaser } from '../shared/domain/teaser.ts';
import type { EmailLinks } from '../shared/ports/email-renderer.ts';
import { escapeHtml } from './escape-html.ts';
import { formatSunday } from '../shared/domain/calendar.ts';
import { playlistMinutes, trackDetails } from './format.ts';
import { STRINGS, type UiStrings } from './strings.ts';
import { type PlayerView, playerView, webPageView } from './web-page-view.ts';
import { wholePlaylistView } from './whole-playlist.ts';

export type NewsletterIdentity = { seriesName: string; postalAddress: string; subscribeUrl: string };

/** Which page the template draws: the email keeps the per-recipient footer, the web page never has it. */
export type Target = 'email' | 'web';

type TrackView = {
  position: number;
  artist: string;
  title: string;
  /** The card's main link: in an email with click links, a variant placeholder. */
  url: string;
  /** Email with click links: the placeholder of the links line, filled per variant. */
  listenSlot: string | null;
  details: string | null;
  coverUrl: string | null;
  coverAlt: string;
  /** Web page only: email clients block embedded players. */
  player: PlayerView | null;
};

// Every key is always present (null when unknown): Mustache looks a missing key up in the enclosing
// context, so an absent track title would silently print the issue's title.
const trackView = (track: Track, issue: Issue, target: Target, set: TrackLinkSet | undefined): TrackView => {
  const details = trackDetails(track).join(' · ');
  const variants = target === 'email' && set !== undefined;
  return {
    position: track.position,
    artist: track.artist,
    title: track.title,
    url: variants ? variantToken(track.position, 'HREF') : track.url,
    listenSlot: variants ? variantToken(track.position, 'LISTEN') : null,
    details: details === '' ? null : details,
    coverUrl: track.coverUrl ?? null,
    coverAlt: `${track.artist} – ${track.album ?? track.title}`,
    player: target === 'web' ? playerView(track, issue) : null,
  };
};

export const subjectFor = (issue: Issue, seriesName: string): string =>
  `${seriesName} #${issue.series} — ${issue.title}`;

const DESCRIPTION_LENGTH = 160;

/**
 * The lede, or the story's first words, cut after a sentence or a word: the inbox preview, the page's
 * description, its social card and the feed's summary.
 */
export const descriptionOf = (issue: Issue): string =>
  teaser(ledeOf(issue) ?? storyLine(issue.storyHtml), DESCRIPTION_LENGTH, issue.language);

const summary = (issue: Issue, strings: UiStrings): string => {
  const minutes = playlistMinutes(issue.tracks.map((track) => track.durationSeconds));
  const count = strings.tracks(issue.tracks.length);
  return minutes === undefined ? count : `${count} · ${minutes} min`;
};

/** Everything the templates print, already decided; the templates only lay it out. */
export const issueView = (issue: Issue, links: EmailLinks, identity: NewsletterIdentity, target: Target) => {
  const strings = STRINGS[issue.language];
  const description = descriptionOf(issue);
  const email = target === 'email';
  return {
    email,
    lang: issue.language,
    documentTitle: subjectFor(issue, identity.seriesName),
    description,
    seriesName: identity.seriesName,
    series: issue.series,
    sundayLabel: formatSunday(issue.sunday, strings.locale),
    title: issue.title,
    // An excerpt that only repeats the story's opening (stored before this rule) is not printed above it.
    subtitle: ledeOf(issue) ?? null,
    cover: issue.cover ?? null,
    storyHtml: issue.storyHtml,
    playlistSummary: summary(issue, strings),
    wholePlaylist: wholePlaylistView(issue, strings, !email),
    tracks: issue.tracks.map((track) =>
      trackView(
        track,
        issue,
        target,
        links.tracks?.find((set) => set.position === track.position),
      ),
    ),
    archiveUrl: links.archiveUrl,
    subscribeUrl: identity.subscribeUrl,
    // Absent from the web view, so a template slip prints nothing rather than a recipient-only token.
    unsubscribeUrl: email ? PLACEHOLDERS.unsubscribeUrl : null,
    preferencesUrl: email ? PLACEHOLDERS.preferencesUrl : null,
    postalAddressHtml: identity.postalAddress.split(/\r?\n/).map(escapeHtml).join('<br>'),
    // Null in the email, so none of the page's head (social card, JSON-LD, feeds) can slip into a mail.
    web: email
      ? null
      : webPageView(issue, links, {
          title: issue.title,
          description,
          seriesName: identity.seriesName,
          strings,
        }),
    ui: {
      playlist: strings.playlist,
      listen: strings.listen,
      viewInBrowser: strings.viewInBrowser,
      unsubscribe: strings.unsubscribe,
      preferences: strings.preferences,
      subscribe: strings.subscribe,
      whyYouGetThis: strings.whyYouGetThis,
      allIssues: strings.allIssues,
    },
  };
};
