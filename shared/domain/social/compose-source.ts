import { archiveUrl } from '../archive-url.ts';
import type { Issue } from '../issue.ts';
import { htmlToText } from '../story-html.ts';
import type { SocialNetwork } from './networks.ts';
import type { SocialPostSource } from './social-post.ts';

export type SourceOptions = {
  publicBaseUrl: string;
  /** "Online Sunday Morning Sound": the title line reads like the mail's subject, "… #34 — Chambre en Provence". */
  seriesName: string;
  /** Without "#": `['playlist', 'musique']`. */
  hashtags: readonly string[];
  /** Whose override, if the author wrote one, the source carries. */
  network: SocialNetwork;
};

/** Enough of the story to make someone click, without retelling it: whole sentences up to about this long. */
const HOOK_TARGET = 200;

/** What a network's post says about an issue: its title line, a hook, its archive address and its card. */
export const socialPostSource = (issue: Issue, options: SourceOptions): SocialPostSource => {
  const title = `${options.seriesName} #${issue.series} — ${issue.title}`;
  const hook = issue.subtitle ?? storyHook(issue.storyHtml, issue.language);
  const url = archiveUrl(options.publicBaseUrl, issue.slug);
  const override = issue.socialText?.[options.network];
  return {
    series: issue.series,
    title,
    hook,
    url,
    hashtags: options.hashtags,
    language: issue.language,
    card: {
      url,
      title,
      description: hook,
      ...(issue.cover ? { thumbUrl: issue.cover.url } : {}),
    },
    ...(override === undefined ? {} : { override }),
  };
};

const BLOCK_END = /<\/(?:p|h2|h3|h4|li|blockquote|figcaption)>|<br\s*\/?>/gi;

/** The story's first sentences as plain text, on one line: a sentence longer than the target still counts whole. */
export const storyHook = (storyHtml: string, language: string): string => {
  const text = htmlToText(storyHtml.replace(BLOCK_END, '$& '))
    // Collapses line breaks and runs of spaces, not the no-break spaces French puts inside « » and before ! ? ;
    .replace(/[ \t\n\r\f\v\u2028\u2029]+/g, ' ')
    .trim();
  const sentences = new Intl.Segmenter(language, { granularity: 'sentence' });
  let hook = '';
  for (const { segment } of sentences.segment(text)) {
    if (hook !== '' && (hook + segment).trim().length > HOOK_TARGET) break;
    hook += segment;
  }
  return hook.trim();
};
