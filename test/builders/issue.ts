import { readFileSync } from 'node:fs';
import { contentHash } from '../../shared/domain/content-hash.ts';
import { type Issue, type IssueContent, issueIdFor, type Track } from '../../shared/domain/issue.ts';
import { slugFor } from '../../shared/domain/slug.ts';
import { sanitiseStoryHtml } from '../../shared/domain/story-html.ts';

const examplePath = new URL('../../examples/sunday-morning-sound-34.json', import.meta.url);

/**
 * The Sunday the fixtures are written for. Only for tests whose clock is fixed near it (`fixedClock` and the
 * like): a test of a runtime that reads the real clock takes its dates from `comingSundayFromNow` instead.
 */
export const EXAMPLE_SUNDAY = '2026-11-29';

/** The author's real issue #34 as the webhook body she sends (our own JSON shape, no Sunday: the next free one). */
export const examplePostBody = (): Record<string, unknown> => JSON.parse(readFileSync(examplePath, 'utf8'));

/** The example, dated for the Sunday the fixtures use. */
export const datedExamplePostBody = (sunday = EXAMPLE_SUNDAY): Record<string, unknown> => ({
  ...examplePostBody(),
  sunday,
});

type ExampleTrack = {
  position: number;
  artist: string;
  title: string;
  url: string;
  album: string;
  duration: string;
  cover: string;
};

export const anIssueContent = (overrides: Partial<IssueContent> = {}): IssueContent => {
  const body = examplePostBody() as {
    series: number;
    title: string;
    subtitle: string;
    story: string;
    sourceUrl: string;
    cover: { url: string; alt: string };
    tracks: ExampleTrack[];
  };
  const tracks: Track[] = body.tracks.map((t) => {
    const [minutes, seconds] = t.duration.split(':').map(Number);
    return {
      position: t.position,
      artist: t.artist,
      title: t.title,
      url: t.url,
      album: t.album,
      durationSeconds: (minutes ?? 0) * 60 + (seconds ?? 0),
      coverUrl: t.cover,
    };
  });
  return {
    series: body.series,
    title: body.title,
    subtitle: body.subtitle,
    storyHtml: sanitiseStoryHtml(body.story),
    tracks,
    cover: body.cover,
    language: 'fr',
    sunday: EXAMPLE_SUNDAY,
    sourceUrl: body.sourceUrl,
    ...overrides,
  };
};

export const anIssue = (overrides: Partial<Issue> = {}): Issue => {
  const content = anIssueContent(overrides);
  return {
    ...content,
    id: issueIdFor(content.series),
    slug: slugFor(content.series, content.title),
    status: 'received',
    revision: 1,
    contentHash: contentHash(content),
    createdAt: '2026-11-24T08:00:00.000Z',
    updatedAt: '2026-11-24T08:00:00.000Z',
    ...overrides,
  };
};
