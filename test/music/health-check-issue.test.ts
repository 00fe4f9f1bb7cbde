import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeWeb, startFakeWeb } from '../../infra/local/stand-ins/music/fake-web.ts';
import { localOutbound } from '../../infra/local/stand-ins/local-outbound.ts';
import { memoryIssueStore } from '../../shared/adapters/memory/issue-store.ts';
import { memorySubscriberStore } from '../../shared/adapters/memory/subscriber-store.ts';
import { memoryWarningStore } from '../../shared/adapters/memory/warning-store.ts';
import { fetchLinkChecker } from '../../shared/adapters/http/fetch-link-checker.ts';
import type { EmailAddress } from '../../shared/domain/email-address.ts';
import type { Issue } from '../../shared/domain/issue.ts';
import type { Platform } from '../../shared/domain/platforms.ts';
import { type TrackResolution, trackUrlKey } from '../../shared/domain/music/track-resolution.ts';
import type { AuthorNotifier } from '../../shared/ports/author-notices.ts';
import type { IssueStore } from '../../shared/ports/issue-store.ts';
import type { SubscriberStore } from '../../shared/ports/subscriber-store.ts';
import type { LinkChecker } from '../../shared/ports/link-checker.ts';
import type { WarningStore } from '../../shared/ports/warning-store.ts';
import { type CheckIssueLinksDeps, checkIssueLinks } from '../../shared/usecases/music/check-issue-links.ts';
import { item } from '../../shared/domain/deliverability/health-item.ts';
import { anIssue } from '../builders/issue.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { recordAuthorMails, TEST_STUDIO_BASE } from '../support/author-mails.ts';

let web: FakeWeb;
beforeAll(async () => {
  web = await startFakeWeb();
});
afterAll(() => web.close());

let issues: IssueStore;
let warnings: WarningStore;
let notices: ReturnType<typeof recordAuthorMails>['mails'];
let author: AuthorNotifier;
let subscribers: SubscriberStore;
let cached: Map<string, TrackResolution>;
let now: Date;
beforeEach(async () => {
  await web.control.reset();
  issues = memoryIssueStore();
  warnings = memoryWarningStore();
  ({ mails: notices, author } = recordAuthorMails());
  subscribers = memorySubscriberStore();
  cached = new Map();
  now = new Date('2026-11-24T10:00:00Z');
});

const TIMEOUT_MS = 300;
const realChecker = () =>
  fetchLinkChecker({
    timeoutMs: TIMEOUT_MS,
    maxRedirects: 5,
    userAgent: 'DimancheLinkCheck/test',
    outbound: localOutbound({ standIns: [], web: web.url }),
  });

const deps = (change: Partial<CheckIssueLinksDeps> = {}): CheckIssueLinksDeps => ({
  issues,
  checker: realChecker(),
  links: {
    getMany: async (keys) => new Map([...cached].filter(([key]) => keys.includes(key))),
  },
  warnings,
  author,
  clock: { now: () => now },
  timeZone: 'Europe/Paris',
  subscribers,
  sendTime: '09:00',
  concurrency: 4,
  reason: 'ingest',
  ...change,
});

/** Stored, every track resolved to every platform (the author hears of warnings once resolutions are in). */
const stored = async (issue: Issue) => {
  expect(await issues.saveRevision(issue, undefined)).toEqual({ ok: true });
  for (const { url } of issue.tracks) if (!cached.has(trackUrlKey(url))) resolved(url, []);
  return issue;
};

const issue34 = () => anIssue();
const track = (issue: Issue, position: number) => issue.tracks.find((t) => t.position === position)!;

const resolved = (url: string, missing: Platform[]) => {
  cached.set(trackUrlKey(url), {
    key: trackUrlKey(url),
    url,
    status: 'resolved',
    pageUrl: `https://song.link/d/${encodeURIComponent(url)}`,
    links: { deezer: url },
    missing,
    resolvedAt: '2026-11-24T09:00:00.000Z',
  });
};

describe('checkIssueLinks', () => {
  it('saves a health report (dead, unreachable, dead covers) and a resolution report from the cache', async () => {
    const issue = await stored(issue34());
    await web.control.dead(track(issue, 3).url, 404);
    await web.control.rule(track(issue, 4).url, { status: 503 });
    await web.control.dead(track(issue, 5).coverUrl!, 410);
    await web.control.slow(issue.cover!.url, 5_000);
    resolved(track(issue, 1).url, ['tidal', 'bandcamp']);
    resolved(track(issue, 2).url, []);
    cached.set(trackUrlKey(track(issue, 6).url), {
      key: trackUrlKey(track(issue, 6).url),
      url: track(issue, 6).url,
      status: 'not_found',
      resolvedAt: '2026-11-24T09:00:00.000Z',
    });
    cached.set(trackUrlKey(track(issue, 7).url), {
      key: trackUrlKey(track(issue, 7).url),
      url: track(issue, 7).url,
      status: 'failed',
      detail: 'HTTP 429, 6 attempts',
      resolvedAt: '2026-11-24T09:00:00.000Z',
    });

    const result = await checkIssueLinks({ issueId: 'iss_34' }, deps());

    const health = [
      { kind: 'dead_cover', url: issue.cover!.url, detail: `no answer within ${TIMEOUT_MS} ms` },
      { kind: 'dead_link', position: 3, url: track(issue, 3).url, detail: 'HTTP 404 Not Found' },
      {
        kind: 'unreachable_link',
        position: 4,
        url: track(issue, 4).url,
        detail: 'HTTP 503 Service Unavailable',
      },
      { kind: 'dead_cover', position: 5, url: track(issue, 5).coverUrl, detail: 'HTTP 410 Gone' },
    ];
    const resolution = [
      { kind: 'missing_platforms', position: 1, platforms: ['tidal', 'bandcamp'] },
      {
        kind: 'unresolved',
        position: 6,
        url: track(issue, 6).url,
        detail: 'song.link knows no song at this link',
      },
      { kind: 'unresolved', position: 7, url: track(issue, 7).url, detail: 'HTTP 429, 6 attempts' },
    ];
    expect(result).toEqual({
      kind: 'checked',
      issueId: 'iss_34',
      revision: 1,
      warnings: [...health, ...resolution],
      notified: true,
    });
    const checkedAt = '2026-11-24T10:00:00.000Z';
    expect(await warnings.list('iss_34')).toEqual({
      health: { source: 'health', revision: 1, checkedAt, warnings: health },
      resolution: { source: 'resolution', revision: 1, checkedAt, warnings: resolution },
    });
  });

  it('checks each distinct URL once, never more than `concurrency` at a time', async () => {
    const base = issue34();
    // Tracks 1 and 2 share a link and a cover: one check each.
    const first = track(base, 1);
    const tracks = base.tracks.map((t) =>
      t.position === 2 ? { ...t, url: first.url, coverUrl: first.coverUrl ?? '' } : t,
    );
    const issue = await stored(anIssue({ tracks }));
    const calls: string[] = [];
    let inFlight = 0;
    let most = 0;
    const real = realChecker();
    const counting: LinkChecker = {
      check: async (url) => {
        calls.push(url);
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 10));
        const result = await real.check(url);
        inFlight -= 1;
        return result;
      },
    };
    await checkIssueLinks({ issueId: issue.id }, deps({ checker: counting, concurrency: 3 }));
    const distinct = new Set([issue.cover!.url, ...tracks.flatMap((t) => [t.url, t.coverUrl!])]);
    expect(calls.sort()).toEqual([...distinct].sort());
    expect(calls).toHaveLength(2 * tracks.length - 1);
    expect(most).toBe(3);
    expect((await web.control.requests()).filter((r) => r.url === track(base, 1).url)).toHaveLength(1);
  });

  it('stops starting checks past its budget: the links left are reported unchecked, the report still saved', async () => {
    const issue = await stored(issue34());
    const calls: string[] = [];
    const slowChecker: LinkChecker = {
      check: async (url) => {
        calls.push(url);
        await new Promise((resolve) => setTimeout(resolve, 60));
        return { kind: 'ok', status: 200 };
      },
    };
    const result = await checkIssueLinks(
      { issueId: issue.id },
      deps({ checker: slowChecker, concurrency: 2, budgetMs: 100 }),
    );
    expect(result.kind).toBe('checked');
    // Two checks at a time, 60 ms each: by 100 ms four have started, none after.
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.length).toBeLessThanOrEqual(4);
    const health = (await warnings.list(issue.id)).health!;
    const unchecked = health.warnings.filter((w) => 'detail' in w && w.detail.startsWith('not checked'));
    const distinct = new Set(
      [issue.cover?.url, ...issue.tracks.flatMap((t) => [t.url, t.coverUrl])].filter(Boolean),
    );
    expect(unchecked.length).toBe(distinct.size - calls.length);
  });

  it('notes the author on ingest once for the same warnings, again when they change', async () => {
    const issue = await stored(issue34());
    await web.control.rule(track(issue, 4).url, { status: 503 });
    await checkIssueLinks({ issueId: issue.id }, deps());
    await checkIssueLinks({ issueId: issue.id }, deps());
    expect(notices).toHaveLength(1);
    // The same link failing another way is the same problem.
    await web.control.slow(track(issue, 4).url, 5_000);
    expect(await checkIssueLinks({ issueId: issue.id }, deps())).toMatchObject({ notified: false });
    expect(notices).toHaveLength(1);
    await web.control.dead(track(issue, 9).url, 410);
    expect(await checkIssueLinks({ issueId: issue.id }, deps())).toMatchObject({ notified: true });
    expect(notices).toHaveLength(2);
    expect(notices[1]?.subject).toBe('[Dimanche] #34 — Chambre en Provence\u00a0: 2 avertissements');
  });

  it('waits for the resolutions on receipt: one mail for the revision, once every track is resolved', async () => {
    const issue = await stored(issue34());
    cached.delete(trackUrlKey(track(issue, 5).url));
    await web.control.dead(track(issue, 1).url, 404);
    expect(await checkIssueLinks({ issueId: issue.id }, deps())).toMatchObject({ notified: false });
    resolved(track(issue, 5).url, ['bandcamp']);
    expect(await checkIssueLinks({ issueId: issue.id }, deps())).toMatchObject({ notified: true });
    expect(notices.map((n) => n.subject)).toEqual([
      '[Dimanche] #34 — Chambre en Provence\u00a0: 2 avertissements',
    ]);
  });

  it('reminds the author on the eve, with the audience, the time and the warnings, and does not mail them again', async () => {
    const issue = await stored(issue34());
    for (const email of ['a@example.org', 'b@example.org'] as EmailAddress[])
      await subscribers.create(
        aSubscriber({ email, status: 'confirmed', confirmedAt: '2026-11-01T10:00:00.000Z' }),
      );
    await web.control.dead(track(issue, 1).url, 404);
    resolved(track(issue, 2).url, ['youtube-music', 'bandcamp']);
    resolved(track(issue, 3).url, ['bandcamp']);
    await checkIssueLinks({ issueId: issue.id }, deps());
    now = new Date('2026-11-28T09:00:00Z');
    await checkIssueLinks({ comingSunday: true }, deps({ reason: 'eve' }));
    // The same warnings after the eve: the reminder had them, no warnings mail follows.
    expect(await checkIssueLinks({ issueId: issue.id }, deps())).toMatchObject({ notified: false });
    expect(notices.map((n) => n.subject)).toEqual([
      '[Dimanche] #34 — Chambre en Provence\u00a0: 3 avertissements',
      '[Dimanche] Demain 9\u00a0h\u00a0: #34 — Chambre en Provence part chez 2 abonnés',
    ]);
    const eve = notices[1];
    expect(eve?.text).toContain('Encore 3 avertissements.');
    expect(eve?.text).toContain(
      `- Piste 1 (Françoise Hardy – Le temps de l’amour)\u00a0: le lien est mort (HTTP 404 Not Found) — ${track(issue, 1).url}`,
    );
    // Not on Bandcamp: one line, the count and the track numbers.
    expect(eve?.text).toContain('- Bandcamp\u00a0: 2 pistes (n° 2 et 3)');
    expect(eve?.text).toContain('- YouTube Music\u00a0: 1 piste (n° 2)');
    expect(eve?.html).toContain(`href="${TEST_STUDIO_BASE}/studio"`);
    expect(eve?.html).toContain('<html lang="fr"');
  });

  it("puts the account's red deliverability checks in the eve reminder, one line each in her language", async () => {
    await stored(issue34());
    const report = {
      checkedAt: '2026-11-28T08:00:00.000Z',
      items: [
        item('ses_sandbox', 'ok', 'SES production access: granted', 'Accès production SES : accordé'),
        item('dmarc_dns', 'fail', 'No DMARC record', 'Aucun enregistrement DMARC : créez TXT _dmarc'),
        item('mail_from_dns', 'warn', 'MAIL FROM', 'MAIL FROM : créez le MX'),
      ],
    };
    const saved = { latest: async () => report };
    now = new Date('2026-11-28T09:00:00Z');
    await checkIssueLinks({ comingSunday: true }, deps({ reason: 'eve', deliverability: saved }));
    const eve = notices.at(-1);
    expect(eve?.text).toContain(
      'Attention, le compte d’envoi a 1 problème qui empêche la lettre d’arriver chez tout le monde',
    );
    expect(eve?.text).toContain('– Aucun enregistrement DMARC : créez TXT _dmarc');
    expect(eve?.text).not.toContain('MAIL FROM');
    expect(eve?.text).not.toContain('Accès production');

    await checkIssueLinks(
      { comingSunday: true },
      deps({ reason: 'eve', deliverability: { latest: async () => undefined } }),
    );
    expect(notices.at(-1)?.text).not.toContain('le compte d’envoi');
  });

  it('tells the author on the eve when no issue is due', async () => {
    now = new Date('2026-12-12T09:00:00Z');
    expect(await checkIssueLinks({ comingSunday: true }, deps({ reason: 'eve' }))).toEqual({
      kind: 'no_issue',
      sunday: '2026-12-13',
    });
    expect(notices.map((n) => n.subject)).toEqual(['[Dimanche] Demain 9\u00a0h\u00a0: aucun numéro prévu']);
    expect(notices[0]?.text).toContain('Aucun numéro n’est prévu pour le dimanche 13 décembre 2026.');
  });

  it('says all is well on the eve, and a clean check replaces an older report', async () => {
    const issue = await stored(issue34());
    await web.control.dead(track(issue, 3).url, 404);
    await checkIssueLinks({ issueId: issue.id }, deps());
    await web.control.reset();
    const result = await checkIssueLinks({ issueId: issue.id }, deps({ reason: 'eve' }));
    expect(result).toMatchObject({ kind: 'checked', warnings: [], notified: true });
    expect(notices).toHaveLength(2);
    expect(notices[1]?.text).toContain('Tout est en ordre\u00a0: aucun avertissement.');
    expect((await warnings.list(issue.id)).health?.warnings).toEqual([]);
  });

  it("finds the coming Sunday's issue in the newsletter's time zone, and says when there is none", async () => {
    await stored(issue34());
    await stored(anIssue({ series: 35, sunday: '2026-12-06' }));
    // Saturday 23:30 UTC is already Sunday in Paris: the coming Sunday is then today's.
    for (const at of ['2026-11-28T09:00:00Z', '2026-11-28T23:30:00Z']) {
      now = new Date(at);
      expect(await checkIssueLinks({ comingSunday: true }, deps({ reason: 'eve' }))).toMatchObject({
        kind: 'checked',
        issueId: 'iss_34',
      });
    }
    expect(await warnings.list('iss_35')).toEqual({});
    now = new Date('2026-12-12T09:00:00Z');
    expect(await checkIssueLinks({ comingSunday: true }, deps({ reason: 'eve' }))).toEqual({
      kind: 'no_issue',
      sunday: '2026-12-13',
    });
    expect(await checkIssueLinks({ issueId: 'iss_99' }, deps())).toEqual({
      kind: 'no_issue',
      issueId: 'iss_99',
    });
  });

  it.each(['sent', 'sending'] as const)('leaves an issue already %s alone', async (status) => {
    const issue = await stored(issue34());
    await web.control.dead(track(issue, 3).url, 404);
    expect(await issues.setStatus(issue.id, 'received', status, '2026-11-29T08:00:00.000Z')).toBe(true);
    now = new Date('2026-11-28T09:00:00Z');
    expect(await checkIssueLinks({ comingSunday: true }, deps({ reason: 'eve' }))).toEqual({
      kind: 'already_sent',
      issueId: 'iss_34',
    });
    expect(await web.control.requests()).toEqual([]);
    expect(await warnings.list(issue.id)).toEqual({});
    expect(notices).toEqual([]);
  });

  it('saves nothing when the note cannot be sent, so the retry tells the author', async () => {
    const issue = await stored(issue34());
    await web.control.dead(track(issue, 3).url, 404);
    const failing = { notify: async () => Promise.reject(new Error('SES refused')) };
    await expect(checkIssueLinks({ issueId: issue.id }, deps({ author: failing }))).rejects.toThrow(
      'SES refused',
    );
    expect(await warnings.list(issue.id)).toEqual({});
    expect(await checkIssueLinks({ issueId: issue.id }, deps())).toMatchObject({ notified: true });
    expect(notices).toHaveLength(1);
  });
});
