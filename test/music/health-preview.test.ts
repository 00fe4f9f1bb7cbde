import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { dynamoWarningStore } from '../../shared/adapters/dynamodb/warning-store.ts';
import type { WarningReport } from '../../shared/domain/music/issue-warning.ts';
import type { WarningStore } from '../../shared/ports/warning-store.ts';
import { examplePostBody } from '../builders/issue.ts';
import { storedMailTo } from '../support/delivery-setup.ts';
import { signedPost } from '../support/signed-request.ts';
import { admin, testApp } from '../support/test-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let warnings: WarningStore;
beforeEach(async () => {
  t = await testApp();
  warnings = dynamoWarningStore(t.doc, t.tableName);
  expect((await t.app.request('/webhooks/posts', signedPost(examplePostBody()))).status).toBe(201);
});

const DEAD = 'https://www.deezer.com/track/3135556';
const LINE_DEAD = `Track 1, Françoise Hardy – Le temps de l’amour: the link is dead (HTTP 404 Not Found): ${DEAD}`;
const LINE_MISSING =
  'Track 2, Air – La femme d’argent: not found on Tidal; readers who prefer it get the song.link page';

const health: WarningReport = {
  source: 'health',
  revision: 1,
  checkedAt: '2026-11-24T10:00:00.000Z',
  warnings: [{ kind: 'dead_link', position: 1, url: DEAD, detail: 'HTTP 404 Not Found' }],
};
const resolution: WarningReport = {
  source: 'resolution',
  revision: 1,
  checkedAt: '2026-11-24T10:05:00.000Z',
  warnings: [{ kind: 'missing_platforms', position: 2, platforms: ['tidal'] }],
};

const withWarnings = async () => {
  await warnings.save('iss_34', health);
  await warnings.save('iss_34', resolution);
};

/** The banner as the HTML shows it: its count, and the text between its opening tag and its end. */
const bannerOf = (html: string) =>
  /<div data-dimanche-warnings="(\d+)"[^>]*>(.*?)<\/ul><\/li><\/ul><\/div>/s.exec(html);

const NB = '\u00a0';
const HEADING = `2 avertissements sur ce numéro. Cet encadré n’apparaît que dans l’aperçu et l’e-mail de test${NB}: les lecteurs ne le voient jamais.`;
const FR_DEAD = `Piste 1 (Françoise Hardy – Le temps de l’amour)${NB}: le lien est mort (HTTP 404 Not Found) — ${DEAD}`;
const FR_MISSING = `Tidal${NB}: 1 piste (n° 2)`;
/** English words of the lines the banner had before it spoke her language. */
const ENGLISH = /\b(warnings?|Track|the link is dead|not found on|readers never see)\b/;

describe('the preview with warnings', () => {
  it('puts a marked banner first in the body, in French: a line a kind with its count, its warnings under it', async () => {
    await withWarnings();
    const response = await t.app.request('/admin/issues/iss_34/preview', admin);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-dimanche-warnings')).toBe('2');
    const html = await response.text();
    const banner = bannerOf(html);
    expect(banner?.[1]).toBe('2');
    expect(html.slice(html.search(/<body[^>]*>/)).replace(/^<body[^>]*>/, '')).toMatch(
      /^<div data-dimanche-warnings/,
    );
    const shown = banner?.[2] ?? '';
    expect(shown).toContain(`⚠ ${HEADING}</p>`);
    expect(shown).toContain(
      `<strong>1 lien mort</strong><ul style="margin:2px 0;padding-left:18px"><li style="margin:2px 0">${FR_DEAD}</li></ul>`,
    );
    expect(shown).toContain(
      `<strong>1 piste absente de certaines plateformes</strong><ul style="margin:2px 0;padding-left:18px"><li style="margin:2px 0">${FR_MISSING}</li>`,
    );
    expect(shown.replace(/https:\/\/\S+/g, '')).not.toMatch(ENGLISH);
  });

  it('puts the same groups in a block before the text version', async () => {
    await withWarnings();
    const response = await t.app.request('/admin/issues/iss_34/preview?format=text', admin);
    expect(response.headers.get('x-dimanche-warnings')).toBe('2');
    const text = await response.text();
    const [block = '', mail = ''] = text.split(/\n={60}\n\n/);
    expect(block).toBe(
      `${'='.repeat(60)}\n${HEADING}\n\n1 lien mort\n  - ${FR_DEAD}\n\n1 piste absente de certaines plateformes\n  - ${FR_MISSING}`,
    );
    expect(mail).toContain('Chambre en Provence');
    expect(mail).not.toContain('avertissement');
  });

  it('speaks English when AUTHOR_LANGUAGE is en', async () => {
    t = await testApp({ AUTHOR_LANGUAGE: 'en' });
    warnings = dynamoWarningStore(t.doc, t.tableName);
    expect((await t.app.request('/webhooks/posts', signedPost(examplePostBody()))).status).toBe(201);
    await withWarnings();
    const text = await (await t.app.request('/admin/issues/iss_34/preview?format=text', admin)).text();
    expect(text).toContain('2 warnings for this issue. This box shows only in the preview and the test mail');
    expect(text).toContain(
      `1 dead link\n  - Track 1 (Françoise Hardy – Le temps de l’amour): the link is dead`,
    );
    expect(text).toContain('1 track missing on some platforms\n  - Tidal: 1 track (no. 2)');
  });

  it('marks a warning found on an earlier revision of the post', async () => {
    await withWarnings();
    const post = { ...examplePostBody(), subtitle: 'Une autre ligne' };
    expect((await t.app.request('/webhooks/posts', signedPost(post))).status).toBe(200);
    const text = await (await t.app.request('/admin/issues/iss_34/preview?format=text', admin)).text();
    expect(text).toContain(`${FR_DEAD} (vérifié sur une version précédente de l’article)`);
  });

  it('shows no banner when the checks found nothing', async () => {
    await warnings.save('iss_34', { ...health, warnings: [] });
    const response = await t.app.request('/admin/issues/iss_34/preview', admin);
    expect(response.headers.get('x-dimanche-warnings')).toBe('0');
    expect(await response.text()).not.toContain('data-dimanche-warnings');
  });
});

describe('the test mail with warnings', () => {
  it('carries the French banner in both parts and the answer lists the warnings', async () => {
    await withWarnings();
    const domain = `health-${randomUUID().slice(0, 8)}.example`;
    const response = await t.app.request('/admin/issues/iss_34/test-send', {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ to: `autrice@${domain}` }),
    });
    expect(response.status).toBe(202);
    const answer = (await response.json()) as { warnings: { kind: string; line: string; source: string }[] };
    expect(answer.warnings.map(({ kind, line, source }) => ({ kind, line, source }))).toEqual([
      { kind: 'dead_link', line: LINE_DEAD, source: 'health' },
      { kind: 'missing_platforms', line: LINE_MISSING, source: 'resolution' },
    ]);
    const [mail] = await storedMailTo(domain);
    expect(mail?.subject).toBe('[TEST] Online Sunday Morning Sound #34 — Chambre en Provence');
    expect(bannerOf(mail?.body.html ?? '')?.[2]).toContain(FR_DEAD);
    expect(mail?.body.text).toMatch(new RegExp(`^={60}\n${HEADING}\n`));
    expect(mail?.body.text).toContain(`  - ${FR_MISSING}`);
  });
});

describe('GET /admin/issues/:id/warnings', () => {
  it("lists every source's warnings with their line, and marks a report on an older revision", async () => {
    await withWarnings();
    const post = { ...examplePostBody(), subtitle: 'Une autre ligne' };
    expect((await t.app.request('/webhooks/posts', signedPost(post))).status).toBe(200);
    await warnings.save('iss_34', { ...resolution, revision: 2 });
    const response = await t.app.request('/admin/issues/iss_34/warnings', admin);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      issueId: 'iss_34',
      revision: 2,
      count: 2,
      warnings: [
        {
          ...health.warnings[0],
          source: 'health',
          revision: 1,
          checkedAt: health.checkedAt,
          line: `${LINE_DEAD} (checked on revision 1)`,
        },
        {
          ...resolution.warnings[0],
          source: 'resolution',
          revision: 2,
          checkedAt: resolution.checkedAt,
          line: LINE_MISSING,
        },
      ],
    });
  });

  it('answers an empty list for an issue never checked, 404 for an unknown one, 401 without the token', async () => {
    expect(await (await t.app.request('/admin/issues/iss_34/warnings', admin)).json()).toEqual({
      issueId: 'iss_34',
      revision: 1,
      count: 0,
      warnings: [],
    });
    for (const id of ['iss_99', 'nope']) {
      const response = await t.app.request(`/admin/issues/${id}/warnings`, admin);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await t.app.request('/admin/issues/iss_34/warnings')).status).toBe(401);
  });
});
