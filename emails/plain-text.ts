import type { Issue, Track } from '../shared/domain/issue.ts';
import { PLACEHOLDERS, variantToken } from '../shared/domain/rendered-email.ts';
import type { EmailLinks } from '../shared/ports/email-renderer.ts';
import { formatSunday } from '../shared/domain/calendar.ts';
import { ledeOf } from '../shared/domain/lede.ts';
import { trackDetails } from './format.ts';
import type { NewsletterIdentity } from './issue-view.ts';
import { storyToText } from './story-text.ts';
import { labelled, STRINGS, type UiStrings } from './strings.ts';
import { wholePlaylistView } from './whole-playlist.ts';

const wholePlaylistLine = (issue: Issue, strings: UiStrings): string[] => {
  const view = wholePlaylistView(issue, strings, false);
  return view ? [labelled(issue.language, view.label, view.url)] : [];
};

/**
 * "1. Artist – Title (Album, 3:45)" then the link, indented under the title; with click links, the variant's
 * lines (the reader's platform, then the song.link page).
 */
const trackLines = (track: Track, variants: boolean): string => {
  const details = trackDetails(track).join(', ');
  const line = `${track.position}. ${track.artist} – ${track.title}${details === '' ? '' : ` (${details})`}`;
  return `${line}\n${variants ? variantToken(track.position, 'TEXT') : `   ${track.url}`}`;
};

/**
 * The text/plain part: same content as the HTML, in reading order. Built here rather than derived from
 * the HTML so the track list keeps its numbering and every link stays visible.
 */
export const plainTextFor = (issue: Issue, links: EmailLinks, identity: NewsletterIdentity): string => {
  const strings = STRINGS[issue.language];
  const { language } = issue;
  const lede = ledeOf(issue);
  const blocks = [
    `${identity.seriesName} #${issue.series}\n${formatSunday(issue.sunday, strings.locale)}`,
    lede ? `${issue.title}\n${lede}` : issue.title,
    storyToText(issue.storyHtml),
    [
      strings.playlist,
      ...wholePlaylistLine(issue, strings),
      ...issue.tracks.map((track) =>
        trackLines(track, links.tracks?.some((set) => set.position === track.position) ?? false),
      ),
    ].join('\n'),
    [
      labelled(language, strings.viewInBrowser, links.archiveUrl),
      labelled(language, strings.unsubscribe, PLACEHOLDERS.unsubscribeUrl),
      labelled(language, strings.preferences, PLACEHOLDERS.preferencesUrl),
    ].join('\n'),
    identity.postalAddress,
  ];
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
};
