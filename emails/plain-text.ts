import { variantSlot } from '../shared/domain/email-slots.ts';
import type { Issue, Language, Track } from '../shared/domain/issue.ts';
import type { EmailLinks } from '../shared/ports/email-renderer.ts';
import { formatSunday } from '../shared/domain/calendar.ts';
import { ledeOf } from '../shared/domain/lede.ts';
import { trackDetails } from './format.ts';
import { type EmailChrome, type NewsletterIdentity, summary } from './issue-view.ts';
import { storyToText } from './story-text.ts';
import { labelled, STRINGS, type UiStrings } from './strings.ts';
import { wholePlaylistView } from './whole-playlist.ts';

const wholePlaylistLine = (issue: Issue, language: Language, strings: UiStrings): string[] => {
  const view = wholePlaylistView(issue, strings, false);
  return view ? [labelled(language, view.label, view.url)] : [];
};

/**
 * "1. Artist – Title (Album, 3:45)" then the link, indented under the title; with click links, the variant's
 * lines (the reader's platform, then the song.link page).
 */
const trackLines = (track: Track, mark: EmailChrome['mark'] | undefined): string => {
  const details = trackDetails(track).join(', ');
  const line = `${track.position}. ${track.artist} – ${track.title}${details === '' ? '' : ` (${details})`}`;
  return `${line}\n${mark ? mark(variantSlot(track.position, 'text')) : `   ${track.url}`}`;
};

/**
 * The text/plain part: the HTML's content in the HTML's order (only the cover, a picture, is left out). Built here rather than derived from
 * the HTML so the track list keeps its numbering and every link stays visible.
 */
export const plainTextFor = (
  issue: Issue,
  links: EmailLinks,
  identity: NewsletterIdentity,
  { language, mark }: EmailChrome,
): string => {
  const strings = STRINGS[language];
  const lede = ledeOf(issue);
  const blocks = [
    `${identity.seriesName} #${issue.series}\n${formatSunday(issue.sunday, strings.locale)}`,
    lede ? `${issue.title}\n${lede}` : issue.title,
    storyToText(issue.storyHtml),
    [
      strings.playlist,
      summary(issue, strings),
      ...wholePlaylistLine(issue, language, strings),
      ...issue.tracks.map((track) =>
        trackLines(track, links.tracks?.some((set) => set.position === track.position) ? mark : undefined),
      ),
    ].join('\n'),
    // The HTML footer's order: the page, the preferences, the way out; then why, and who.
    [
      labelled(language, strings.viewInBrowser, links.archiveUrl),
      labelled(language, strings.preferences, mark('preferencesUrl')),
      labelled(language, strings.unsubscribe, mark('unsubscribeUrl')),
    ].join('\n'),
    `${strings.whyYouGetThis} ${identity.seriesName}.\n${identity.postalAddress}`,
  ];
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
};
