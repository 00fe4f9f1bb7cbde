import { type SlotName, variantSlot } from '../shared/domain/email-slots.ts';
import type { Issue, Language, Track } from '../shared/domain/issue.ts';
import type { TrackLinkSet } from '../shared/domain/music/track-link-sets.ts';
import { ledeOf, storyLine } from '../shared/domain/lede.ts';
import { teaser } from '../shared/domain/teaser.ts';
import type { EmailLinks } from '../shared/ports/email-renderer.ts';
import { bracesAsEntities, escapeHtml } from './escape-html.ts';
import { formatSunday } from '../shared/domain/calendar.ts';
import { playlistMinutes, trackDetails } from './format.ts';
import { headingsInOrder } from './story-headings.ts';
import { STRINGS, type UiStrings } from './strings.ts';
import { type PlayerView, playerView, webPageView } from './web-page-view.ts';
import { wholePlaylistView } from './whole-playlist.ts';

export type NewsletterIdentity = { seriesName: string; postalAddress: string; subscribeUrl: string };

/** Which page the template draws: the email keeps the per-recipient footer, the web page never has it. */
export type Target = 'email' | 'web';

/**
 * A reader's email: the language of its chrome (labels, footer, dates, `lang`; the author's words stay as
 * written) and this render's slot markers (see `slotMarkers`).
 */
export type EmailChrome = { language: Language; mark: (slot: SlotName) => string };

/** The email in one reader language, or the web page in the issue's. */
export type Page = ({ target: 'email' } & EmailChrome) | { target: 'web' };

type TrackView = {
  position: number;
  artist: string;
  title: string;
  /** The card's main link: in an email with click links, a variant slot's marker. */
  url: string;
  /** Email with click links: the marker of the links line's slot, filled per variant. */
  listenSlot: string | null;
  details: string | null;
  coverUrl: string | null;
  coverAlt: string;
  /** Where the card's link leads, said in words (the web page's; the email's is its variant slot). */
  listenLabel: string;
  /** Web page only: email clients block embedded players. */
  player: PlayerView | null;
};

// Every key is always present (null when unknown): Mustache looks a missing key up in the enclosing
// context, so an absent track title would silently print the issue's title.
const trackView = (
  track: Track,
  issue: Issue,
  page: Page,
  set: TrackLinkSet | undefined,
  strings: UiStrings,
): TrackView => {
  const details = trackDetails(track).join(' · ');
  const mark = page.target === 'email' && set !== undefined ? page.mark : undefined;
  // The author's own link, when it names a platform we know, says so; an email's variant links say theirs.
  const player = playerView(track, issue);
  return {
    position: track.position,
    artist: track.artist,
    title: track.title,
    url: mark ? mark(variantSlot(track.position, 'href')) : track.url,
    listenSlot: mark ? mark(variantSlot(track.position, 'listen')) : null,
    details: details === '' ? null : details,
    coverUrl: track.coverUrl ?? null,
    coverAlt: strings.coverAlt(track.album ?? track.title, track.artist),
    listenLabel: strings.listenTo(track.title, player?.platformName),
    player: page.target === 'web' ? player : null,
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

/**
 * The inbox preview of a mail. With a lede, the lede; without one, the playlist's first artists rather than
 * the story's opening: the preview sits in the same mail as the story, so her first sentence would be read
 * twice (an inbox line that repeats the first line is what an automatic excerpt looked like).
 */
const inboxPreviewOf = (issue: Issue, strings: UiStrings): string => {
  const lede = ledeOf(issue);
  if (lede) return teaser(lede, DESCRIPTION_LENGTH, issue.language);
  const artists = [...new Set(issue.tracks.map((track) => track.artist))].join(', ');
  const line = artists
    ? `${strings.playlist} · ${summary(issue, strings)} — ${artists}`
    : summary(issue, strings);
  return teaser(line, DESCRIPTION_LENGTH, issue.language);
};

/** "15 titres · 56 min": under the playlist's heading, in the HTML and the text part. */
export const summary = (issue: Issue, strings: UiStrings): string => {
  const minutes = playlistMinutes(issue.tracks.map((track) => track.durationSeconds));
  const count = strings.tracks(issue.tracks.length);
  return minutes === undefined ? count : `${count} · ${minutes} min`;
};

/** Everything the templates print, already decided; the templates only lay it out. */
export const issueView = (issue: Issue, links: EmailLinks, identity: NewsletterIdentity, page: Page) => {
  const language = page.target === 'email' ? page.language : issue.language;
  const strings = STRINGS[language];
  const email = page.target === 'email';
  const description = email ? inboxPreviewOf(issue, strings) : descriptionOf(issue);
  return {
    email,
    lang: language,
    dir: strings.dir,
    documentTitle: subjectFor(issue, identity.seriesName),
    description,
    seriesName: identity.seriesName,
    series: issue.series,
    sundayLabel: formatSunday(issue.sunday, strings.locale),
    title: issue.title,
    // WCAG 3.1.2: her words keep their own language inside another language's chrome, so that a screen reader
    // reads a French story to an English reader with French pronunciation. Absent when the two agree.
    authorLang: language === issue.language ? null : issue.language,
    // An excerpt that only repeats the story's opening (stored before this rule) is not printed above it.
    subtitle: ledeOf(issue) ?? null,
    cover: issue.cover ?? null,
    storyHtml: bracesAsEntities(headingsInOrder(issue.storyHtml)),
    playlistSummary: summary(issue, strings),
    wholePlaylist: wholePlaylistView(issue, strings, !email),
    tracks: issue.tracks.map((track) =>
      trackView(
        track,
        issue,
        page,
        links.tracks?.find((set) => set.position === track.position),
        strings,
      ),
    ),
    archiveUrl: links.archiveUrl,
    subscribeUrl: identity.subscribeUrl,
    // Absent from the web view, so a template slip prints nothing rather than a reader's slot.
    unsubscribeUrl: page.target === 'email' ? page.mark('unsubscribeUrl') : null,
    preferencesUrl: page.target === 'email' ? page.mark('preferencesUrl') : null,
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
      viewInBrowser: strings.viewInBrowser,
      unsubscribe: strings.unsubscribe,
      preferences: strings.preferences,
      subscribe: strings.subscribe,
      whyYouGetThis: strings.whyYouGetThis,
      allIssues: strings.allIssues,
    },
  };
};
