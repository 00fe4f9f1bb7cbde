import { beforeAll, describe, expect, it } from 'vitest';
import { authorMailRenderer } from '../../emails/author-mail.ts';
import { dynamoWarningStore } from '../../shared/adapters/dynamodb/warning-store.ts';
import type { IssueWarning, WarningReport } from '../../shared/domain/music/issue-warning.ts';
import { noticeIssue } from '../../shared/ports/author-notices.ts';
import { warningsOf } from '../../shared/usecases/music/issue-warnings.ts';
import { examplePostBody } from '../builders/issue.ts';
import { mailsTo } from '../support/mail-store.ts';
import { signedPost } from '../support/signed-request.ts';
import { studioApp } from './studio-support.ts';

const AT = '2026-11-24T10:05:00.000Z';

/** What a real issue gathers: most tracks missing on Bandcamp, one on Tidal too, a dead link, a dead cover, a repeat. */
const checks = (positions: number[]): WarningReport[] => [
  {
    source: 'health',
    revision: 1,
    checkedAt: AT,
    warnings: [
      {
        kind: 'dead_link',
        position: 3,
        url: 'https://www.deezer.com/track/3151394',
        detail: 'HTTP 404 Not Found',
      },
      { kind: 'dead_cover', url: 'https://cdn.example/cover.jpg', detail: 'HTTP 410 Gone' },
    ],
  },
  {
    source: 'resolution',
    revision: 1,
    checkedAt: AT,
    warnings: positions
      .filter((p) => p !== 6)
      .map((position): IssueWarning => ({
        kind: 'missing_platforms',
        position,
        platforms: position === 2 ? ['tidal', 'bandcamp'] : ['bandcamp'],
      })),
  },
  {
    source: 'catalogue',
    revision: 1,
    checkedAt: AT,
    warnings: [
      {
        kind: 'repeated_track',
        position: 7,
        match: 'isrc',
        earlier: { issueId: 'iss_30', series: 30, sunday: '2026-11-01', position: 4 },
      },
    ],
  },
];

/** English words the banner and the test mail used to carry; the author's own titles are French or names. */
const ENGLISH =
  /\b(warnings?|Track|for this issue|the link is dead|not found on|readers never see|Issue cover)\b/;
const numbers = (titles: string[]) => titles.map((title) => Number(/\d+/.exec(title)?.[0]));

let app: Awaited<ReturnType<typeof studioApp>>;
let session: Awaited<ReturnType<typeof app.signIn>>;
let total = 0;
let perKind: number[] = [];

beforeAll(async () => {
  app = await studioApp();
  expect((await app.app.request('/webhooks/posts', signedPost(examplePostBody()))).status).toBe(201);
  const issue = await app.issues.get('iss_34');
  const store = dynamoWarningStore(app.doc, app.tableName);
  const reports = checks(issue?.tracks.map((t) => t.position) ?? []);
  for (const report of reports) await store.save('iss_34', report);
  total = reports.reduce((sum, r) => sum + r.warnings.length, 0);
  // dead link, dead cover, repeat, missing platforms: the order worst first, each kind's own count.
  perKind = [1, 1, 1, total - 3];
  session = await app.signIn();
}, 60_000);

describe("one issue's warnings, wherever she reads them", () => {
  it('count the same in the studio, the preview banner, the test mail and the warnings mail', async () => {
    const headers = { cookie: session.cookie };
    const page = await (await app.app.request('/studio/issues/34', { headers })).text();
    expect(page).toContain(`<strong>${total} avertissements</strong>`);
    expect(numbers([...page.matchAll(/<h3>[^<]*\((\d+)\)<\/h3>/g)].map((m) => m[1] ?? ''))).toEqual(perKind);

    const preview = await (await app.app.request('/studio/issues/34/email', { headers })).text();
    expect(preview).toContain(`data-dimanche-warnings="${total}"`);
    expect(preview).toContain(`⚠ ${total} avertissements sur ce numéro.`);
    const box = /<div data-dimanche-warnings[^>]*>([\s\S]*?)<\/div>/.exec(preview)?.[1] ?? '';
    expect(numbers([...box.matchAll(/<strong>([^<]+)<\/strong>/g)].map((m) => m[1] ?? ''))).toEqual(perKind);

    const sent = await app.app.request(
      '/studio/issues/34/test-send',
      app.form({ _csrf: session.csrf }, session.cookie),
    );
    expect(sent.status).toBe(303);
    const mail = (await mailsTo(app.author)).find((m) => m.subject.startsWith('[TEST]'));
    expect(mail?.body.html).toContain(`data-dimanche-warnings="${total}"`);
    const [, banner = ''] = /^(={60}\n[\s\S]*?\n={60})\n/.exec(mail?.body.text ?? '') ?? [];
    expect(banner).toContain(`${total} avertissements sur ce numéro.`);
    expect(banner.replace(/https:\/\/\S+/g, '')).not.toMatch(ENGLISH);

    const issue = await app.issues.get('iss_34');
    if (!issue) throw new Error('issue #34 is gone');
    const listed = await warningsOf(issue, dynamoWarningStore(app.doc, app.tableName));
    const render = authorMailRenderer({ language: 'fr', timeZone: 'Europe/Paris', publicBaseUrl: app.base });
    const warningsMail = render({ kind: 'warnings', issue: noticeIssue(issue), warnings: listed });
    expect(warningsMail.subject).toBe(`[Dimanche] #34 — Chambre en Provence\u00a0: ${total} avertissements`);
    const titles = warningsMail.text.split('\n').filter((line) => /^\d+ \S/.test(line));
    expect(numbers(titles)).toEqual(perKind);
    expect(warningsMail.text).toContain('Bandcamp\u00a0:');
  });
});

describe('the preview as each reader reads it', () => {
  it("shows an English reader's chrome around her French text, the banner still in her language", async () => {
    const headers = { cookie: session.cookie };
    const page = await (await app.app.request('/studio/issues/34?language=en', { headers })).text();
    expect(page).toContain('<option value="en" selected="">Anglais</option>');
    expect(page).toContain('src="/studio/issues/34/email?platform=universal&amp;language=en"');

    const english = await (await app.app.request('/studio/issues/34/email?language=en', { headers })).text();
    expect(english).toMatch(/<html lang="en"/);
    expect(english).toContain('Unsubscribe');
    expect(english).toContain(`⚠ ${total} avertissements sur ce numéro.`);
    const french = await (await app.app.request('/studio/issues/34/email', { headers })).text();
    expect(french).toMatch(/<html lang="fr"/);
    expect(french).toContain('Se désabonner');
  });
});
