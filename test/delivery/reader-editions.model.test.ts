import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import { type Campaign, campaignIdFor } from '../../shared/domain/campaign.ts';
import type { Language } from '../../shared/domain/issue.ts';
import { issueLinks } from '../../shared/domain/music/track-link-sets.ts';
import { type TrackResolution, trackUrlKey } from '../../shared/domain/music/track-resolution.ts';
import { variantFor } from '../../shared/domain/platforms.ts';
import { READER_LANGUAGES } from '../../shared/domain/reader-languages.ts';
import {
  emailIn,
  type Personalisation,
  personalise,
  reusedBodyBuffer,
} from '../../shared/domain/rendered-email.ts';
import { campaignEmails } from '../../shared/usecases/campaign/campaign-email.ts';
import { forgedContent } from '../builders/forged-content.ts';
import { anIssue } from '../builders/issue.ts';
import { identity } from '../emails/renderer-fixture.ts';

const BASE = 'https://osms.example.org';
const issue = anIssue(forgedContent());
// Deezer and Spotify for every track: three variants per language; any other platform falls back.
const resolutions = new Map(
  issue.tracks.map((track, i): [string, TrackResolution] => [
    trackUrlKey(track.url),
    {
      key: trackUrlKey(track.url),
      url: track.url,
      status: 'resolved',
      pageUrl: `https://song.link/d/${i}`,
      links: { deezer: `https://deezer.example/${i}`, spotify: `https://spotify.example/${i}` },
      missing: [],
      resolvedAt: '2026-11-24T09:00:00.000Z',
    },
  ]),
);
const rendered = await createMjmlRenderer(identity).renderIssue(issue, {
  archiveUrl: `${BASE}/archive/${issue.slug}`,
  tracks: issueLinks(issue, resolutions, BASE).sets,
});
const CAMPAIGN = campaignIdFor(issue.id);
const campaign = { id: CAMPAIGN, issueId: issue.id, revision: 1 } as Campaign;

type Reader = { language: Language; platform: string | undefined; links: Personalisation };
type Model = { readers: Reader[] };
type Real = {
  readers: Reader[];
  personalise: Awaited<ReturnType<ReturnType<typeof campaignEmails>['emailFor']>>;
  buffer: ReturnType<typeof reusedBodyBuffer>;
};

const language = fc.constantFrom(...READER_LANGUAGES);
const platform = fc.constantFrom(undefined, 'deezer', 'spotify', 'tidal', 'qobuz');
// Links of any length: the reused buffer grows and shrinks between readers.
const links = fc.string({ minLength: 1, maxLength: 300 }).map((token) => ({
  unsubscribeUrl: `${BASE}/u/${encodeURIComponent(token)}`,
  preferencesUrl: `${BASE}/preferences/${encodeURIComponent(token)}&x="y"`,
}));

class Subscribe implements fc.AsyncCommand<Model, Real> {
  constructor(readonly reader: Reader) {}
  check = () => true;
  run = async (model: Model, real: Real) => {
    model.readers.push({ ...this.reader });
    real.readers.push({ ...this.reader });
  };
  toString = () => `subscribe(${this.reader.language}, ${this.reader.platform})`;
}

/** The reader changes their language or platform on the preferences page, between two sends. */
class ChangePreferences implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly index: number,
    readonly language: Language,
    readonly platform: string | undefined,
  ) {}
  check = (model: Readonly<Model>) => model.readers.length > 0;
  run = async (model: Model, real: Real) => {
    const i = this.index % model.readers.length;
    for (const readers of [model.readers, real.readers])
      readers[i] = { ...(readers[i] as Reader), language: this.language, platform: this.platform };
  };
  toString = () => `change(${this.index}, ${this.language}, ${this.platform})`;
}

/** A sender makes this reader's mail, into the batch's one buffer, as send-batch does. */
class Send implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number) {}
  check = (model: Readonly<Model>) => model.readers.length > 0;
  run = async (model: Model, real: Real) => {
    const i = this.index % model.readers.length;
    const expected = model.readers[i] as Reader;
    const reader = real.readers[i] as Reader;
    const bodies = real.personalise.personalise(
      reader.links,
      { language: reader.language, variant: variantFor(reader.platform) },
      real.buffer,
    );
    const html = new TextDecoder().decode(bodies.html);
    const text = new TextDecoder().decode(bodies.text);
    // The model: the reader's language's email, their platform's variant, filled as strings.
    const reference = personalise(
      emailIn(rendered, expected.language),
      expected.links,
      variantFor(expected.platform),
    );
    expect(html).toBe(reference.html);
    expect(text).toBe(reference.text);
    expect(html).toContain(`<html lang="${expected.language}"`);
    const escaped = expected.links.preferencesUrl.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
    expect(html.split(escaped)).toHaveLength(2);
    expect(text.split(expected.links.unsubscribeUrl)).toHaveLength(2);
  };
  toString = () => `send(${this.index})`;
}

describe('each reader’s edition, whatever the order of sign-ups, preference changes and sends', () => {
  it('is the email in their current language and platform, their links once, from one render', async () => {
    const reader = fc.record({ language, platform, links });
    const index = fc.nat(20);
    await fc.assert(
      fc.asyncProperty(
        fc.commands(
          [
            reader.map((r) => new Subscribe(r)),
            fc.tuple(index, language, platform).map(([i, l, p]) => new ChangePreferences(i, l, p)),
            index.map((i) => new Send(i)),
          ],
          { maxCommands: 40 },
        ),
        async (commands) => {
          const emails = campaignEmails({
            campaigns: { get: async () => campaign },
            issues: { getRender: async () => rendered },
          });
          const real: Real = {
            readers: [],
            personalise: await emails.emailFor(CAMPAIGN),
            buffer: reusedBodyBuffer(),
          };
          await fc.asyncModelRun(() => ({ model: { readers: [] }, real }), commands);
        },
      ),
      { numRuns: Number(process.env.MODEL_RUNS ?? 100) },
    );
  });
});
