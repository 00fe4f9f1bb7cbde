import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import type { Issue, Language } from '../../shared/domain/issue.ts';
import { issueLinks } from '../../shared/domain/music/track-link-sets.ts';
import { type TrackResolution, trackUrlKey } from '../../shared/domain/music/track-resolution.ts';
import { type LinkVariant, PLATFORMS } from '../../shared/domain/platforms.ts';
import { emailIn, type MailBodies, personalise } from '../../shared/domain/rendered-email.ts';
import { anIssue } from '../builders/issue.ts';
import { identity } from './renderer-fixture.ts';

export const EXAMPLE_BASE = 'https://onlinesundaymorningsound.example.org';

// A signed link is about this long (a JWS of a purpose, an id and an expiry): the size budget counts it.
const TOKEN = 'eyJhbGciOiJIUzI1NiIsImtpZCI6IjIwMjYtMTEifQ.'.padEnd(190, 'x');

/**
 * The example issue #34 as the sender renders it: every track resolved on every platform (the largest mail:
 * each card carries every platform's link, and every variant exists), click links through the redirect.
 */
export const renderExample = async (issue: Issue = anIssue()) => {
  const resolutions = new Map(
    issue.tracks.map((track, i): [string, TrackResolution] => [
      trackUrlKey(track.url),
      {
        key: trackUrlKey(track.url),
        url: track.url,
        status: 'resolved',
        pageUrl: `https://song.link/d/${i}`,
        links: Object.fromEntries(PLATFORMS.map((p) => [p, `https://${p}.example/track/${3135556 + i}`])),
        missing: [],
        resolvedAt: '2026-11-24T09:00:00.000Z',
      },
    ]),
  );
  const rendered = await createMjmlRenderer(identity).renderIssue(issue, {
    archiveUrl: `${EXAMPLE_BASE}/archive/${issue.slug}`,
    tracks: issueLinks(issue, resolutions, EXAMPLE_BASE).sets,
  });
  return {
    issue,
    rendered,
    /** One reader's mail, in their language and platform. */
    mail: (language: Language, variant: LinkVariant): MailBodies =>
      personalise(
        emailIn(rendered, language),
        {
          unsubscribeUrl: `${EXAMPLE_BASE}/u/${TOKEN}`,
          preferencesUrl: `${EXAMPLE_BASE}/preferences/${TOKEN}`,
        },
        variant,
      ),
  };
};
