import type { Issue, Track } from '../shared/domain/issue.ts';
import { escapeHtml } from './escape-html.ts';
import { trackDetails } from './format.ts';
import { descriptionOf } from './issue-view.ts';
import { STRINGS } from './strings.ts';

/**
 * The feed library writes titles and HTML in CDATA sections and its XML writer splits only the first "]]>"
 * in each: a second one would end the section early. In HTML, "]]&gt;" reads the same (titles are escaped
 * as HTML, so they never hold one).
 */
export const htmlForCdata = (html: string): string => html.replaceAll(']]>', ']]&gt;');

const trackItem = (track: Track): string => {
  const details = trackDetails(track).join(' · ');
  const names = `${escapeHtml(track.artist)} – ${escapeHtml(track.title)}`;
  return `<li><a href="${escapeHtml(track.url)}">${names}</a>${details ? ` (${escapeHtml(details)})` : ''}</li>`;
};

/** The whole issue for a feed reader: cover, story, the playlist with its links, and the page with players. */
export const entryContent = (issue: Issue, pageUrl: string): string => {
  const strings = STRINGS[issue.language];
  const cover = issue.cover
    ? `<p><img src="${escapeHtml(issue.cover.url)}" alt="${escapeHtml(issue.cover.alt)}"></p>`
    : '';
  const html = [
    cover,
    issue.storyHtml,
    `<h2>${escapeHtml(strings.playlist)}</h2>`,
    `<ol>${issue.tracks.map(trackItem).join('')}</ol>`,
    `<p><a href="${escapeHtml(pageUrl)}">${escapeHtml(strings.listenOnThePage)}</a></p>`,
  ];
  return htmlForCdata(html.filter(Boolean).join('\n'));
};

/** The subtitle or the story's first words, as HTML (feed readers read `description` and `summary` as HTML). */
export const entrySummary = (issue: Issue): string => escapeHtml(descriptionOf(issue));
