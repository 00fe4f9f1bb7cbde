import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAuthorNoticeModule } from '../../emails/author-build.ts';
import { authorMailRenderer } from '../../emails/author-mail.ts';
import type { CampaignCounts } from '../../shared/domain/campaign.ts';
import type { IssueWarning } from '../../shared/domain/music/issue-warning.ts';
import { type AuthorNotice, noticeIssue } from '../../shared/ports/author-notices.ts';
import { anIssue } from '../builders/issue.ts';

const BASE = 'https://dimanche.example.org';
const fr = authorMailRenderer({ language: 'fr', timeZone: 'Europe/Paris', publicBaseUrl: BASE });
const en = authorMailRenderer({ language: 'en', timeZone: 'Europe/Paris', publicBaseUrl: BASE });
const NB = '\u00a0';

const issue34 = noticeIssue(anIssue());
const counts: CampaignCounts = {
  audience: 1240,
  sent: 1232,
  failed: 5,
  ambiguous: 3,
  skipped: 0,
  pending: 0,
  claimed: 0,
  sending: 0,
};

const report: AuthorNotice = {
  kind: 'campaign_report',
  issue: issue34,
  startedAt: '2026-11-29T08:00:00.000Z',
  finishedAt: '2026-11-29T08:21:00.000Z',
  counts,
  posts: [
    { network: 'mastodon', attempt: { state: 'published', postUrl: 'https://mastodon.example/@osms/1' } },
    { network: 'x', attempt: { state: 'needs_reconnect', detail: 'HTTP 401' } },
    { network: 'threads' },
  ],
  pick: {
    track: anIssue().tracks[12]!,
    clicks: 5,
    platforms: [
      { platform: 'spotify', clicks: 3 },
      { platform: 'universal', clicks: 2 },
    ],
  },
};

/** #34 as the author's post has it: 15 tracks, 14 of them not on Bandcamp, one dead link, one repeat. */
const warnings: IssueWarning[] = [
  ...issue34.tracks
    .filter((t) => t.position !== 6)
    .map((t): IssueWarning => ({ kind: 'missing_platforms', position: t.position, platforms: ['bandcamp'] })),
  { kind: 'missing_platforms', position: 2, platforms: ['tidal'] },
  {
    kind: 'dead_link',
    position: 3,
    url: 'https://www.deezer.com/track/3151394',
    detail: 'HTTP 404 Not Found',
  },
  {
    kind: 'repeated_track',
    position: 7,
    match: 'isrc',
    earlier: { issueId: 'iss_30', series: 30, sunday: '2026-11-01', position: 4 },
  },
];

describe('the mails to the author', () => {
  it('use the layout MJML renders today (run `npm run build:emails` after changing it)', async () => {
    const committed = readFileSync(
      new URL('../../emails/generated/author-notice.ts', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(await buildAuthorNoticeModule());
  });

  it('report a campaign in French, with an HTML part naming the issue, its counts, posts and pick', () => {
    const mail = fr(report);
    expect(mail.subject).toBe(
      `[Dimanche] Envoyé${NB}: #34 — Chambre en Provence, à 1\u202f232 abonnés sur 1\u202f240`,
    );
    expect(mail.html).toMatch(/^<!doctype html>\n<html lang="fr"/);
    expect(mail.html).toContain('#34 — Chambre en Provence est parti');
    for (const [label, value] of [
      ['Envoyés', '1\u202f232'],
      ['En échec', '5'],
      ['Incertains', '3'],
    ])
      expect(mail.html).toMatch(new RegExp(`>${label}</td><td class="value"[^>]*>${value}</td>`));
    expect(mail.html).toContain('href="https://mastodon.example/@osms/1"');
    expect(mail.html).toContain(`NON PUBLIÉE${NB}: le compte est à reconnecter (HTTP 401)`);
    expect(mail.html).toContain('Piste 13 (Stromae – Papaoutai), 5 clics (Spotify 3, song.link 2)');
    expect(mail.html).toContain(`href="${BASE}/studio/campaigns/34"`);
    expect(mail.text).toContain(
      'L’envoi du dimanche 29 novembre 2026 a commencé le 29 novembre 2026 à 9\u00a0h et s’est terminé le 29 novembre 2026 à 9\u00a0h\u00a021.',
    );
    expect(mail.text).toMatch(/\nIncertains \.+ 3\n/);
    expect(mail.text).toContain('- Threads — pas de nouvelles');
    expect(mail.text).toContain(`${BASE}/studio/campaigns/34`);
    expect(`${mail.subject}${mail.html}${mail.text}`).not.toContain('iss_34');
  });

  it('group the warnings by kind, each with what to do, one line a platform for the missing ones', () => {
    const mail = fr({ kind: 'warnings', issue: issue34, warnings });
    // Every warning counted once, as the studio counts them: 15 missing platforms, a dead link, a repeat.
    expect(mail.subject).toBe(`[Dimanche] #34 — Chambre en Provence${NB}: 17 avertissements`);
    expect(mail.text).toContain('a 17 avertissements. Rien n’est bloqué');
    expect(mail.text).toContain('\n15 pistes absentes de certaines plateformes\n');
    expect(mail.text).toContain(
      `- Bandcamp${NB}: 14 pistes (n° 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14 et 15)`,
    );
    expect(mail.text).toContain(`- Tidal${NB}: 1 piste (n° 2)`);
    expect(mail.text.match(/Bandcamp/g)).toHaveLength(1);
    const text = mail.text;
    expect(text.indexOf('1 lien mort')).toBeLessThan(text.indexOf('1 piste déjà parue'));
    expect(text.indexOf('1 piste déjà parue')).toBeLessThan(
      text.indexOf('absentes de certaines plateformes'),
    );
    expect(text).toContain('→ À corriger');
    expect(text).toContain('déjà dans le #30 du dimanche 1 novembre 2026, piste 4 (même ISRC)');
    expect(mail.html.match(/<p class="hint"/g)).toHaveLength(3);
    expect(mail.html).toContain(`href="${BASE}/studio/issues/34"`);
  });

  it('speak English when AUTHOR_LANGUAGE is en', () => {
    const mail = en(report);
    expect(mail.subject).toBe('[Dimanche] Sent: #34 — Chambre en Provence, to 1,232 of 1,240 subscribers');
    expect(mail.html).toContain('<html lang="en"');
    expect(mail.text).toContain('Most played so far: Track 13 (Stromae – Papaoutai), 5 clicks');
  });

  it('give dates and times in TIME_ZONE', () => {
    const utc = authorMailRenderer({ language: 'fr', timeZone: 'UTC', publicBaseUrl: BASE });
    expect(utc(report).text).toContain('commencé le 29 novembre 2026 à 8\u00a0h et');
    expect(fr(report).text).toContain('commencé le 29 novembre 2026 à 9\u00a0h et');
  });

  it('escape what the author wrote in the HTML part, and keep it as written in the text', () => {
    const odd = { ...issue34, title: 'Rock <script>alert(1)</script> & "roll"' };
    const mail = fr({ kind: 'not_rendered', issue: odd });
    expect(mail.html).not.toContain('<script>alert');
    expect(mail.html).toContain('Rock &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;roll&quot;');
    expect(mail.text).toContain('#34 — Rock <script>alert(1)</script> & "roll" devait partir');
  });

  it('say "Demain 9 h" on the eve, the day spelled out otherwise', () => {
    const eve = (at: string): AuthorNotice => ({
      kind: 'eve_reminder',
      issue: { ...issue34, series: 35, title: 'Les îles', sunday: '2026-12-06' },
      at,
      sendAt: '2026-12-06T08:00:00.000Z',
      audience: 412,
      warnings: [],
    });
    expect(fr(eve('2026-12-05T08:00:00.000Z')).subject).toBe(
      `[Dimanche] Demain 9${NB}h${NB}: #35 — Les îles part chez 412 abonnés`,
    );
    expect(fr(eve('2026-12-04T08:00:00.000Z')).subject).toBe(
      `[Dimanche] Le dimanche 6 décembre 2026 à 9${NB}h${NB}: #35 — Les îles part chez 412 abonnés`,
    );
    expect(fr(eve('2026-12-05T08:00:00.000Z')).text).toContain('Tout est en ordre');
    expect(en(eve('2026-12-05T08:00:00.000Z')).subject).toBe(
      '[Dimanche] Tomorrow 9:00: #35 — Les îles goes out to 412 subscribers',
    );
  });

  const every: AuthorNotice[] = [
    report,
    { kind: 'warnings', issue: issue34, warnings },
    {
      kind: 'eve_reminder',
      issue: issue34,
      at: '2026-11-28T08:00:00.000Z',
      sendAt: '2026-11-29T08:00:00.000Z',
      audience: 2,
      warnings,
    },
    { kind: 'nothing_due', sunday: '2026-12-13', at: '2026-12-12T08:00:00Z', sendAt: '2026-12-13T08:00:00Z' },
    { kind: 'too_late', issue: issue34, deadline: '14:00' },
    { kind: 'not_rendered', issue: issue34 },
    { kind: 'quota_paused', issue: issue34, resumeAt: '2026-11-29T09:00:00.000Z', counts },
    { kind: 'social_needs_reconnect', issue: issue34, network: 'mastodon', reason: 'HTTP 401' },
    { kind: 'account_to_reconnect', network: 'x', label: '@dimanche_fm' },
    { kind: 'social_failed', issue: issue34, network: 'x', detail: '400 text too long' },
    { kind: 'social_unconfirmed', issue: issue34, network: 'facebook', detail: 'no answer' },
    { kind: 'feed_unreadable', url: 'https://blog.example/feed/', failures: 3, detail: 'HTTP 503' },
    { kind: 'blog_not_public', url: 'http://127.0.0.2:9001/wp/v2/sites/blog.example/posts/34' },
  ];
  const STUDIO: Record<AuthorNotice['kind'], string> = {
    campaign_report: '/studio/campaigns/34',
    warnings: '/studio/issues/34',
    eve_reminder: '/studio',
    nothing_due: '/studio',
    too_late: '/studio/issues/34',
    not_rendered: '/studio/issues/34',
    quota_paused: '/studio/campaigns/34',
    social_needs_reconnect: '/studio/settings',
    account_to_reconnect: '/studio/settings#social',
    social_failed: '/studio/campaigns/34',
    social_unconfirmed: '/studio/campaigns/34',
    feed_unreadable: '/studio/settings',
    blog_not_public: '/studio/settings',
  };

  it.each(every.map((notice) => [notice.kind, notice] as const))(
    '%s: French, both parts, the studio page linked, the issue named by number and title',
    (kind, notice) => {
      const mail = fr(notice);
      expect(mail.html).toContain('<html lang="fr"');
      expect(mail.html).toContain(`href="${BASE}${STUDIO[kind]}"`);
      expect(mail.text).toContain(`\n${BASE}${STUDIO[kind]}\n`);
      expect(mail.html).not.toMatch(/\{\{|\}\}/);
      const named =
        {
          nothing_due: 'aucun numéro prévu',
          account_to_reconnect: 'sur X au nom de @dimanche_fm',
          feed_unreadable: 'votre flux ne se lit pas\u00a0: https://blog.example/feed/ (HTTP 503)',
          blog_not_public:
            'mené à http://127.0.0.2:9001/wp/v2/sites/blog.example/posts/34, une adresse non publique',
        }[kind as string] ?? '#34 — Chambre en Provence';
      expect(`${mail.subject}\n${mail.text}`).toContain(named);
      expect(`${mail.subject}${mail.html}${mail.text}`).not.toMatch(/iss_\d/);
      // English words of the old notices; track names may be anything ("Christine and the Queens").
      expect(mail.text).not.toMatch(/\b(warnings?|issue|subscribers|Sent|clicks?|by hand)\b/);
      // Dates and times in words, as French writes them ("9 h", "14 h"), never "09:00" or 2026-11-29.
      expect(`${mail.subject}\n${mail.text}`).not.toMatch(/\b\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b/);
      if ('network' in notice)
        expect(mail.subject).toContain(
          { mastodon: 'Mastodon', x: 'X', facebook: 'Facebook' }[notice.network as string],
        );
    },
  );

  it('say when a send came too late with the deadline as her language writes it', () => {
    const late = { kind: 'too_late', issue: issue34, deadline: '14:30' } as const;
    expect(fr(late).text).toContain('n’a pu démarrer qu’après 14\u00a0h\u00a030,');
    expect(en(late).text).toContain('could only start after 14:30,');
  });
});
