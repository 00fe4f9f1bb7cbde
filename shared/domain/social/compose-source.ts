import { archiveUrl } from '../public-urls.ts';
import type { Issue } from '../issue.ts';
import { ledeOf, storyLine } from '../lede.ts';
import { teaser } from '../teaser.ts';
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
  const hook = ledeOf(issue) ?? storyHook(issue.storyHtml, issue.language);
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

/**
 * The story's first sentences, up to about HOOK_TARGET; a first sentence longer than that is cut after a word,
 * with "…". Each network's composer may shorten it further, again after a word.
 */
export const storyHook = (storyHtml: string, language: string): string =>
  teaser(storyLine(storyHtml), HOOK_TARGET, language);
