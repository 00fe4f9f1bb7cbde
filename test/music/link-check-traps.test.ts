import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { localOutbound } from '../../infra/local/stand-ins/local-outbound.ts';
import { type FakeWeb, startFakeWeb } from '../../infra/local/stand-ins/music/fake-web.ts';
import {
  loopbackSpellings,
  startTrapListener,
  type TrapListener,
} from '../../infra/local/stand-ins/music/trap-listener.ts';
import { memoryIssueStore } from '../../shared/adapters/memory/issue-store.ts';
import { memorySubscriberStore } from '../../shared/adapters/memory/subscriber-store.ts';
import { memoryWarningStore } from '../../shared/adapters/memory/warning-store.ts';
import { fetchLinkChecker } from '../../shared/adapters/http/fetch-link-checker.ts';
import type { Issue } from '../../shared/domain/issue.ts';
import { trackUrlKey } from '../../shared/domain/music/track-resolution.ts';
import { checkIssueLinks } from '../../shared/usecases/music/check-issue-links.ts';
import { anIssue } from '../builders/issue.ts';
import { recordAuthorMails } from '../support/author-mails.ts';

let web: FakeWeb;
let loopbackTrap: TrapListener;
let secondTrap: TrapListener;
beforeAll(async () => {
  [web, loopbackTrap, secondTrap] = await Promise.all([
    startFakeWeb(),
    startTrapListener({ hosts: ['127.0.0.1', '::1'] }),
    startTrapListener({ hosts: ['127.0.0.2'] }),
  ]);
});
afterAll(() => Promise.all([web.close(), loopbackTrap.close(), secondTrap.close()]));
beforeEach(() => web.control.reset());

/** The probe's links: every loopback spelling on the trap's port, the second loopback address, metadata. */
const trapLinks = () => [
  ...loopbackSpellings(loopbackTrap.port).map((url) => `${url}track`),
  `https://127.0.0.1:${loopbackTrap.port}/track`,
  `${secondTrap.url}/track`,
  'http://169.254.169.254/latest/meta-data/',
];

const run = async (issue: Issue) => {
  const issues = memoryIssueStore();
  const warnings = memoryWarningStore();
  const { mails, author } = recordAuthorMails();
  expect(await issues.saveRevision(issue, undefined)).toEqual({ ok: true });
  const resolved = new Map(
    issue.tracks.map((t) => [
      trackUrlKey(t.url),
      {
        key: trackUrlKey(t.url),
        url: t.url,
        status: 'resolved' as const,
        pageUrl: t.url,
        links: {},
        missing: [],
      },
    ]),
  );
  const result = await checkIssueLinks(
    { issueId: issue.id },
    {
      issues,
      // The music worker's checker as `npm start` builds it: the guarded client, the fake web its only web.
      checker: fetchLinkChecker({
        timeoutMs: 2_000,
        maxRedirects: 5,
        userAgent: 'Mozilla/5.0 (compatible; Dimanche link check)',
        outbound: localOutbound({ standIns: [], web: web.url }),
      }),
      links: {
        getMany: async (keys) =>
          new Map(
            [...resolved]
              .filter(([key]) => keys.includes(key))
              .map(([key, r]) => [key, { ...r, resolvedAt: '2026-11-24T09:00:00.000Z' }]),
          ),
      },
      warnings,
      author,
      clock: { now: () => new Date('2026-11-24T10:00:00Z') },
      timeZone: 'Europe/Paris',
      subscribers: memorySubscriberStore(),
      sendTime: '09:00',
      concurrency: 4,
      reason: 'ingest',
    },
  );
  return { result, mails };
};

describe('the music worker’s link checks against the unkind web', () => {
  it('never connects to a loopback trap, whatever the spelling of a link or a cover, and names each one in French', async () => {
    const base = anIssue();
    const links = trapLinks();
    const tracks = links.map((url, index) => ({
      ...base.tracks[index % base.tracks.length]!,
      position: index + 1,
      url,
      coverUrl: `${secondTrap.url}/cover-${index}.jpg`,
    }));
    const issue = {
      ...base,
      tracks,
      cover: { url: `http://[::ffff:127.0.0.1]:${loopbackTrap.port}/c.jpg`, alt: '' },
    };

    const { result, mails } = await run(issue);

    expect(loopbackTrap.connections()).toBe(0);
    expect(secondTrap.connections()).toBe(0);
    const warnings = result.kind === 'checked' ? result.warnings : [];
    const refused = warnings.filter((w) => w.kind === 'non_public_address');
    // Each link, each track cover and the issue cover: one warning each, nothing else said about them.
    expect(refused).toHaveLength(links.length * 2 + 1);
    expect(warnings.filter((w) => w.kind === 'dead_link' || w.kind === 'unreachable_link')).toEqual([]);
    expect((await web.control.requests()).length).toBe(0);
    const text = mails.map((m) => m.text).join('\n');
    expect(text).toContain(`${links.length * 2 + 1} adresses non publiques`);
    expect(text).toContain('adresse non publique, jamais vérifiée');
    for (const url of links) expect(text).toContain(url);
  });

  it('refuses a redirect to a loopback trap on any hop, in any spelling', async () => {
    const base = anIssue();
    const targets = [...loopbackSpellings(loopbackTrap.port), `${secondTrap.url}/`];
    const tracks = targets.map((to, index) => ({
      ...base.tracks[index % base.tracks.length]!,
      position: index + 1,
      url: `http://short.example/t${index}`,
      coverUrl: `https://covers.example/${index}.jpg`,
    }));
    for (const [index, to] of targets.entries()) {
      await web.control.redirect(`http://short.example/t${index}`, `http://hop.example/t${index}`);
      await web.control.redirect(`http://hop.example/t${index}`, `${to}redirected-hop-${index}`, 302);
    }
    const { result } = await run({
      ...base,
      tracks,
      cover: { url: 'https://covers.example/issue.jpg', alt: '' },
    });

    expect(loopbackTrap.connections()).toBe(0);
    expect(secondTrap.connections()).toBe(0);
    const warnings = result.kind === 'checked' ? result.warnings : [];
    expect(warnings.filter((w) => w.kind === 'non_public_address').map((w) => w.position)).toEqual(
      targets.map((_, index) => index + 1),
    );
    expect(warnings.filter((w) => w.kind !== 'non_public_address')).toEqual([]);
    // The warning names where the redirect went, as the author cannot see it in her post.
    expect(warnings[0]).toMatchObject({ detail: expect.stringContaining(`after redirect to ${targets[0]}`) });
  });

  it('names in French an issue cover redirected to a trap: the social worker’s card thumbnail, which it drops without a word', async () => {
    const base = anIssue();
    const cover = 'https://blog.example/lavande.jpg';
    // https all the way, so that the hop is refused for its address, not as a downgrade to http.
    await web.control.redirect(
      cover,
      `${secondTrap.url.replace('http:', 'https:')}/redirected-cover.jpg`,
      302,
    );
    const tracks = base.tracks.map((track, index) => ({
      ...track,
      url: `https://open.spotify.com/track/t${index}`,
      coverUrl: `https://covers.example/${index}.jpg`,
    }));
    const { result, mails } = await run({ ...base, tracks, cover: { url: cover, alt: 'Lavande' } });

    expect(secondTrap.connections()).toBe(0);
    expect(loopbackTrap.connections()).toBe(0);
    const warnings = result.kind === 'checked' ? result.warnings : [];
    expect(warnings.filter((w) => w.kind === 'non_public_address')).toEqual([
      expect.objectContaining({ url: cover, detail: expect.stringContaining('after redirect to') }),
    ]);
    expect(warnings.find((w) => w.kind === 'non_public_address')?.position).toBeUndefined();
    const text = mails.map((m) => m.text).join('\n');
    expect(text).toContain('1 adresse non publique');
    expect(text).toContain(`adresse non publique, jamais vérifiée`);
    expect(text).toContain(cover);
  });
});
