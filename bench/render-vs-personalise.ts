import { readFileSync } from 'node:fs';
import { createMjmlRenderer } from '../emails/mjml-renderer.ts';
import { parsePost } from '../functions/posts/parse-post.ts';
import { contentHash } from '../shared/domain/content-hash.ts';
import { type Issue, issueIdFor } from '../shared/domain/issue.ts';
import { issueLinks } from '../shared/domain/music/track-link-sets.ts';
import { type TrackResolution, trackUrlKey } from '../shared/domain/music/track-resolution.ts';
import { LINK_VARIANTS, PLATFORMS } from '../shared/domain/platforms.ts';
import { personaliser } from '../shared/domain/rendered-email.ts';
import { slugFor } from '../shared/domain/slug.ts';
import { median } from './stats.ts';

/**
 * MJML once per issue vs the per-recipient step that fills in one reader's links, with the tracks' click links
 * on every platform (nine link variants, readers spread over them).
 */
export const renderVsPersonalise = async () => {
  const body = JSON.parse(
    readFileSync(new URL('../examples/sunday-morning-sound-34.json', import.meta.url), 'utf8'),
  );
  const parsed = parsePost(body, { now: new Date('2026-11-24T10:00:00Z'), timeZone: 'Europe/Paris' });
  if (!parsed.ok) throw new Error('the example post does not parse');
  const content = { ...parsed.content, sunday: '2026-11-29' };
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
  });
  // Worst case for the variants: every track resolved on every platform, so each platform is a variant.
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
  await renderer.renderIssue(issue, links); // first render warms MJML's caches

  const renderTimes: number[] = [];
  let rendered = await renderer.renderIssue(issue, links);
  for (let i = 0; i < 15; i += 1) {
    const start = performance.now();
    rendered = await renderer.renderIssue(issue, links);
    renderTimes.push(performance.now() - start);
  }

  const recipients = 50_000;
  let sink = 0;
  const start = performance.now();
  // Once per variant per issue, counted in the per-recipient time; readers spread over every variant.
  const variants = LINK_VARIANTS.map((variant) => personaliser(rendered, variant));
  for (let i = 0; i < recipients; i += 1) {
    const token = `tok_${i.toString(36).padStart(8, '0')}`;
    const personalise = variants[i % variants.length] as (typeof variants)[number];
    const mail = personalise({
      unsubscribeUrl: `https://n.example/u/${token}`,
      preferencesUrl: `https://n.example/preferences/${token}`,
    });
    // The bodies come out as the UTF-8 bytes the MIME message needs: nothing is left to encode later.
    sink += mail.html.length + mail.text.length;
  }
  const perRecipientMs = (performance.now() - start) / recipients;
  if (sink === 0) throw new Error('personalisation produced nothing');
  const renderMs = median(renderTimes);
  return {
    renderMs,
    perRecipientMs,
    ratio: renderMs / perRecipientMs,
    htmlBytes: Buffer.byteLength(rendered.html),
    variants: variants.length,
  };
};
