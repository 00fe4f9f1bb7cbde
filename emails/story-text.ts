import { htmlToText } from '../shared/domain/story-html.ts';

// The sanitiser's allowlist (shared/domain/story-html.ts) decides which tags can occur here.
const BLOCK_END = /<\/(?:p|h2|h3|h4|blockquote|figure|figcaption|ul|ol)>|<hr\s*\/?>/gi;
const LINE_BREAK = /<br\s*\/?>|<\/li>/gi;
const LIST_ITEM = /<li(?:\s[^>]*)?>/gi;
const LINK = /<a\s[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi;

/**
 * The story as plain text: one paragraph per block, separated by a blank line, links followed by their
 * address so a text-only reader can still follow them. Works on sanitised HTML only, where attributes are
 * double-quoted and no comment or script can hide a tag.
 */
export const storyToText = (storyHtml: string): string => {
  const marked = storyHtml
    .replace(LINK, (whole, href: string, label: string) => withAddress(whole, href, label))
    .replace(LIST_ITEM, '- ')
    .replace(LINE_BREAK, '$&\n')
    .replace(BLOCK_END, '$&\n\n');
  return htmlToText(marked)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
};

// href is still HTML-encoded here; htmlToText decodes it together with the rest of the story.
const withAddress = (whole: string, href: string, label: string): string => {
  const shown = href.replace(/^mailto:/, '');
  const text = htmlToText(label).trim();
  return text === htmlToText(shown) || text === htmlToText(href) ? whole : `${whole} (${shown})`;
};
