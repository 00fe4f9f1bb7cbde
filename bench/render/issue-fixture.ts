import { readFileSync } from 'node:fs';
import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import { parsePost } from '../../shared/domain/posts/parse-post.ts';
import { contentHash } from '../../shared/domain/content-hash.ts';
import { type Issue, issueIdFor } from '../../shared/domain/issue.ts';
import { issueLinks } from '../../shared/domain/music/track-link-sets.ts';
import { type TrackResolution, trackUrlKey } from '../../shared/domain/music/track-resolution.ts';
import { PLATFORMS } from '../../shared/domain/platforms.ts';
import { slugFor } from '../../shared/domain/slug.ts';

/**
 * Issue #34 as the webhook stores it, with the tracks' click links on every platform: the worst case for
 * the variants, each platform one (nine link variants).
 */
export const issueToRender = () => {
  const body = JSON.parse(
    readFileSync(new URL('../../examples/sunday-morning-sound-34.json', import.meta.url), 'utf8'),
  );
  const parsed = parsePost(body, { now: new Date('2026-11-24T10:00:00Z'), timeZone: 'Europe/Paris' });
  if (!parsed.ok) throw new Error('the example post does not parse');
  // A post without a date of its own takes the coming Sunday when it is accepted: issue #34's.
  const content = { ...parsed.content, sunday: parsed.content.sunday ?? '2026-11-29' };
  const issue: Issue = {
    ...content,
    id: issueIdFor(parsed.content.series),
    slug: slugFor(parsed.content.series, parsed.content.title),
    status: 'received',
    revision: 1,
    contentHash: contentHash(content),
    createdAt: '2026-11-24T10:00:00.000Z',
    updatedAt: '2026-11-24T10:00:00.000Z',
  };
  const renderer = createMjmlRenderer({
    seriesName: 'Online Sunday Morning Sound',
    postalAddress: '12 rue des Lilas, Paris',
    subscribeUrl: 'https://n.example/subscribe',
    // One reader language, so a round is still one email render and one page render, as the goal was set.
    languages: ['fr'],
  });
  const resolutions = new Map(
    issue.tracks.map((track, i) => {
      const key = trackUrlKey(track.url);
      const links = Object.fromEntries(PLATFORMS.map((p) => [p, `https://${p}.example/track/${i}`]));
      const resolution: TrackResolution = {
        key,
        url: track.url,
        status: 'resolved',
        pageUrl: `https://song.link/d/${i}`,
        links,
        missing: [],
        resolvedAt: '2026-11-24T10:00:00.000Z',
      };
      return [key, resolution];
    }),
  );
  const links = {
    archiveUrl: 'https://n.example/archive/34-chambre-en-provence',
    tracks: issueLinks(issue, resolutions, 'https://n.example').sets,
  };
  return { render: () => renderer.renderIssue(issue, links) };
};
