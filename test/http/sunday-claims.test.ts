import { beforeEach, describe, expect, it } from 'vitest';
import { anIssue, examplePostBody } from '../builders/issue.ts';
import { signedPost } from '../support/signed-request.ts';
import { testApp } from '../support/test-app.ts';

type App = Awaited<ReturnType<typeof testApp>>;
let t: App;
beforeEach(async () => {
  t = await testApp(); // Tuesday 2026-11-24: the coming Sunday is the 29th
});

const post = async (series: number, extra: Record<string, unknown> = {}) => {
  const response = await t.app.request(
    '/webhooks/posts',
    signedPost({ ...examplePostBody(), series, title: `Numéro ${series}`, ...extra }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const sundays = async () => (await t.issues.pageBySunday({ limit: 50 })).map((i) => [i.series, i.sunday]);

describe('one issue per Sunday', () => {
  it('gives a new issue naming a Sunday another holds the first free one after it, and says so', async () => {
    await post(36, { sunday: '2026-12-06' });
    const pushed = await post(42, { sunday: '2026-12-06' });
    expect(pushed.status).toBe(201);
    expect(pushed.body).toMatchObject({
      sunday: '2026-12-13',
      sundayTaken: {
        asked: '2026-12-06',
        holder: 'iss_36',
        sunday: '2026-12-13',
        message:
          '2026-12-06 already belongs to iss_36: this issue takes the first free Sunday after it, 2026-12-13.',
      },
    });
    expect((await post(43)).body).toMatchObject({ sunday: '2026-11-29' });
    // Naming none, it asked for none: the next free Sunday is the rule, not news.
    const unnamed = await post(44);
    expect(unnamed.body).toMatchObject({ sunday: '2026-12-20' });
    expect(unnamed.body).not.toHaveProperty('sundayTaken');
  });

  it('keeps a revision on its own Sunday when the one it names is taken, and says why', async () => {
    await post(36, { sunday: '2026-11-29' });
    await post(42, { sunday: '2026-12-06' });
    const kept = await post(42, { sunday: '2026-11-29', subtitle: 'Révisé' });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({
      outcome: 'revised',
      sunday: '2026-12-06',
      sundayTaken: { asked: '2026-11-29', holder: 'iss_36', sunday: '2026-12-06' },
    });
    expect(await sundays()).toEqual([
      [42, '2026-12-06'],
      [36, '2026-11-29'],
    ]);
  });

  it('never lets two posts racing for one Sunday share it', async () => {
    const answers = await Promise.all([36, 37, 38, 39].map((n) => post(n, { sunday: '2026-11-29' })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    const taken = (await sundays()).map(([, sunday]) => sunday);
    expect(new Set(taken).size).toBe(4);
    expect(taken.sort()).toEqual(['2026-11-29', '2026-12-06', '2026-12-13', '2026-12-20']);
  });

  it('frees the old Sunday when a revision moves its issue, for the next issue to take', async () => {
    await post(36);
    expect((await post(36, { sunday: '2026-12-13' })).body).toMatchObject({ sunday: '2026-12-13' });
    expect((await post(37)).body).toMatchObject({ sunday: '2026-11-29' });
    expect(await t.issues.sundayClaim('2026-11-29')).toMatchObject({ issueId: 'iss_37' });
  });

  it('counts an issue stored before Sunday claims existed as holding its Sunday', async () => {
    // As older versions wrote it: the issue alone, no claim item.
    expect(await t.issues.saveRevision(anIssue({ series: 30, sunday: '2026-11-29' }), undefined)).toEqual({
      ok: true,
    });
    expect((await post(36, { sunday: '2026-11-29' })).body).toMatchObject({ sunday: '2026-12-06' });
    expect(await t.issues.sundayClaim('2026-11-29')).toMatchObject({ issueId: 'iss_30' });
  });

  it('takes over a claim a crashed writer left, once it is older than the grace, never before', async () => {
    const at = t.clock.now().toISOString();
    // A writer claimed the 29th for #99, then died before writing #99.
    expect(await t.issues.claimSunday({ sunday: '2026-11-29', issueId: 'iss_99', at })).toBe(true);
    expect((await post(36, { sunday: '2026-11-29' })).body).toMatchObject({ sunday: '2026-12-06' });
    t.clock.set('2026-11-24T10:21:00Z');
    expect((await post(37, { sunday: '2026-11-29' })).body).toMatchObject({ sunday: '2026-11-29' });
    expect(await t.issues.sundayClaim('2026-11-29')).toMatchObject({ issueId: 'iss_37' });
  });
});
