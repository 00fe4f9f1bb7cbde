import { linkSpans } from './compose-links.ts';
import { shortenToFit } from './compose-shorten.ts';
import type { LengthRule } from './compose-length.ts';
import type { SocialPostSource } from './social-post.ts';

/** Paragraphs of a post: a blank line between each, the address alone on its line so no network misreads it. */
const paragraphs = (...parts: string[]) => parts.filter((part) => part !== '').join('\n\n');

export class UrlOverLimitError extends Error {
  override name = 'UrlOverLimitError';
}

/**
 * The generated post: title, hook, address, hashtags. Too long, it gives up, in order: the end of the hook
 * (cut after a word, with "…"), the hook, the hashtags from the last, then the end of the title. The address
 * is never cut: if it does not fit alone the configuration is wrong, and that is a bug, not a post.
 */
export const generatedText = (source: SocialPostSource, rule: LengthRule): string => {
  const tags = source.hashtags.map((tag) => `#${tag}`);
  const build = (title: string, hook: string, kept: readonly string[]) =>
    paragraphs(title, hook, source.url, kept.join(' '));
  const hook = shortenToFit(source.hook, (h) => rule.fits(build(source.title, h, tags)), source.language);
  if (hook !== undefined) return build(source.title, hook, tags);
  for (let n = tags.length; n >= 0; n -= 1) {
    const text = build(source.title, '', tags.slice(0, n));
    if (rule.fits(text)) return text;
  }
  const title = shortenToFit(source.title, (t) => rule.fits(build(t, '', [])), source.language);
  return title === undefined ? urlAlone(source.url, rule) : build(title, '', []);
};

/**
 * The author's own text. Where it already carries the address as a link, it is kept as she wrote it, its end
 * shortened after the address if need be; otherwise the address goes on its own line at the end, and her text
 * before it is shortened like a hook.
 */
export const overrideText = (override: string, source: SocialPostSource, rule: LengthRule): string => {
  const own = override.trim();
  const link = linkSpans(own).find((span) => span.uri === source.url);
  if (link) {
    const head = own.slice(0, link.end);
    // "…" right after the address would be read as part of it: keep only endings that leave the link whole.
    const whole = (text: string) =>
      rule.fits(text) && linkSpans(text).some((s) => s.start === link.start && s.uri === source.url);
    const kept = shortenToFit(own.slice(link.end), (tail) => whole(head + tail), source.language);
    if (kept !== undefined) return head + kept;
    if (whole(head)) return head;
  }
  const body = link
    ? `${own.slice(0, link.start)}${own.slice(link.end)}`.replace(/[ \t]{2,}/g, ' ').trim()
    : own;
  const shortened = shortenToFit(body, (b) => rule.fits(paragraphs(b, source.url)), source.language);
  return shortened === undefined ? urlAlone(source.url, rule) : paragraphs(shortened, source.url);
};

const urlAlone = (url: string, rule: LengthRule): string => {
  if (!rule.fits(url))
    throw new UrlOverLimitError(`The address ${url} alone counts ${rule.count(url)} of ${rule.limit}`);
  return url;
};
