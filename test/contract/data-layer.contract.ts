import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { FeedTooLargeError } from '../../shared/adapters/dynamodb/feed-item.ts';
import { RenderTooLargeError } from '../../shared/adapters/dynamodb/render-item.ts';
import { issueIdFor } from '../../shared/domain/issue.ts';
import type { RenderedIssue } from '../../shared/domain/rendered-email.ts';
import type { IssueStore } from '../../shared/ports/issue-store.ts';
import type { RateLimits } from '../../shared/ports/rate-limits.ts';
import type { SubscriberStore } from '../../shared/ports/subscriber-store.ts';
import type { WebhookReceipts } from '../../shared/ports/webhook-receipts.ts';
import { anIssue } from '../builders/issue.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import type { MakeStores } from './stores.ts';

const AT = '2026-11-24T10:00:00.000Z';
const aRender = (marker: string): RenderedIssue => ({
  language: 'fr',
  emails: {
    fr: {
      language: 'fr',
      subject: `Online Sunday Morning Sound #34 — Chambre en Provence ${marker}`,
      html: {
        body: `<p>« Le TGV N° 7345 » d’Avignon 😉 ${marker}</p>`,
        slots: [{ at: 3, name: 'unsubscribeUrl' }],
      },
      text: { body: `« Le TGV » ${marker}`, slots: [{ at: 0, name: 'preferencesUrl' }] },
      variants: { universal: { 't1.href': 'https://n.example/r/1' } },
    },
    en: {
      language: 'en',
      subject: `Online Sunday Morning Sound #34 — Chambre en Provence ${marker}`,
      html: { body: `<p lang="en">${marker}</p>`, slots: [] },
      text: { body: marker, slots: [] },
    },
  },
  webHtml: `<html lang="fr">web ${marker}</html>`,
});

/** The same behaviour is required of every implementation: dynalite, DynamoDB Local, AWS, and the in-memory one. */
export const dataLayerContract = (label: string, makeStores: MakeStores) => {
  describe(`data layer on ${label}`, () => {
    let store: IssueStore;
    let receipts: WebhookReceipts;
    let subscribers: SubscriberStore;
    let limits: RateLimits;

    beforeAll(async () => {
      ({ issues: store, receipts, subscribers, limits } = await makeStores());
    });

    it('counts hits in a fixed window shared by every caller, and starts again in the next window', async () => {
      const rule = { limit: 3, windowSeconds: 60 };
      const at = (iso: string) => new Date(iso);
      const first = await Promise.all(
        [1, 2, 3, 4, 5].map(() => limits.hit('ip:192.0.2.1', rule, at('2026-11-24T10:00:10Z'))),
      );
      expect(first.filter((d) => d.ok)).toHaveLength(3);
      expect(first.filter((d) => !d.ok)).toEqual([
        { ok: false, retryAfterSeconds: 50 },
        { ok: false, retryAfterSeconds: 50 },
      ]);
      expect(await limits.hit('ip:192.0.2.2', rule, at('2026-11-24T10:00:59Z'))).toEqual({ ok: true });
      expect(await limits.hit('ip:192.0.2.1', rule, at('2026-11-24T10:01:00Z'))).toEqual({ ok: true });
    });

    it('grants one cooldown claim per period, even to callers racing for it', async () => {
      const now = new Date('2026-11-24T10:00:00Z');
      const claims = await Promise.all([1, 2, 3, 4].map(() => limits.cooldown('address:sub_x', 600, now)));
      expect(claims.filter((c) => c.ok)).toHaveLength(1);
      const later = new Date('2026-11-24T10:09:00Z');
      expect(await limits.cooldown('address:sub_x', 600, later)).toEqual({
        ok: false,
        retryAfterSeconds: 60,
      });
      expect(await limits.cooldown('address:sub_x', 600, new Date('2026-11-24T10:10:00Z'))).toEqual({
        ok: true,
      });
    });

    it('stores a new issue once and reads it back byte for byte', async () => {
      const issue = anIssue({ series: 101 });
      expect(await store.get(issue.id)).toBeUndefined();
      expect(await store.saveRevision(issue, undefined)).toEqual({ ok: true });
      expect(await store.get(issue.id)).toEqual(issue);
      expect((await store.saveRevision(issue, undefined)).ok).toBe(false);
    });

    it("keeps the author's own text per network, emoji and no-break spaces intact", async () => {
      const socialText = {
        bluesky: 'Ma playlist 🦋 «\u00a0Chambre en Provence\u00a0»',
        linkedin: 'Texte (avec) des #hashtags_et @caractères [réservés]\nsur deux lignes 👩‍👩‍👧',
      };
      const issue = anIssue({ series: 108, socialText });
      expect(await store.saveRevision(issue, undefined)).toEqual({ ok: true });
      expect((await store.get(issue.id))?.socialText).toEqual(socialText);
      expect(await store.get(issue.id)).toEqual(issue);
    });

    it('accepts the next revision only from the revision it was based on', async () => {
      const first = anIssue({ series: 102 });
      await store.saveRevision(first, undefined);
      const second = { ...first, revision: 2, title: 'Chambre en Provence, bis' };
      expect(await store.saveRevision(second, 1)).toEqual({ ok: true });
      const stale = { ...first, revision: 2, title: 'Perdu' };
      expect(await store.saveRevision(stale, 1)).toMatchObject({ ok: false, error: 'revision_conflict' });
      expect((await store.get(first.id))?.title).toBe('Chambre en Provence, bis');
    });

    it('marks a render current only for the current revision, and keeps every render readable', async () => {
      const issue = anIssue({ series: 103 });
      await store.saveRevision(issue, undefined);
      expect(await store.saveRender(issue.id, 1, aRender('r1'), AT)).toEqual({ current: true });
      expect(await store.get(issue.id)).toMatchObject({ status: 'rendered', renderedRevision: 1 });

      await store.saveRevision({ ...issue, revision: 2, status: 'received' }, 1);
      expect(await store.saveRender(issue.id, 1, aRender('late r1'), AT)).toEqual({ current: false });
      expect(await store.getRender(issue.id, 1)).toEqual(aRender('late r1'));
      expect(await store.getRender(issue.id, 2)).toBeUndefined();
    });

    it('freezes an issue once its campaign has started', async () => {
      const issue = anIssue({ series: 104 });
      await store.saveRevision(issue, undefined);
      await store.saveRender(issue.id, 1, aRender('r1'), AT);
      expect(await store.setStatus(issue.id, 'rendered', 'sent', AT)).toBe(true);
      expect(await store.setStatus(issue.id, 'rendered', 'sent', AT)).toBe(false);
      const change = await store.saveRevision({ ...issue, revision: 2, title: 'Trop tard' }, 1);
      expect(change).toMatchObject({
        ok: false,
        error: 'frozen',
        current: { status: 'sent', title: issue.title },
      });
    });

    it('refuses a render that would not fit in one item, writing nothing', async () => {
      const issue = anIssue({ series: 105 });
      await store.saveRevision(issue, undefined);
      const huge = { ...aRender('big'), webHtml: randomBytes(450_000).toString('base64') };
      await expect(store.saveRender(issue.id, 1, huge, AT)).rejects.toBeInstanceOf(RenderTooLargeError);
      expect(await store.getRender(issue.id, 1)).toBeUndefined();
      expect((await store.get(issue.id))?.status).toBe('received');
    });

    it('lists issues by Sunday, newest first, with paging by date', async () => {
      const sundays = ['2027-01-03', '2027-01-10', '2027-01-17'];
      for (const [i, sunday] of sundays.entries())
        await store.saveRevision(anIssue({ series: 200 + i, sunday }), undefined);
      const latest = await store.listBySunday({ limit: 2 });
      expect(latest.map((i) => i.sunday)).toEqual(['2027-01-17', '2027-01-10']);
      const older = await store.listBySunday({ limit: 10, before: '2027-01-10' });
      expect(older.map((i) => i.id)).toContain(issueIdFor(200));
      expect(older.map((i) => i.sunday).every((s) => s < '2027-01-10')).toBe(true);
    });

    it('remembers a webhook delivery: one claim, then its answer for every replay', async () => {
      const now = new Date(AT);
      expect(await receipts.claim('msg_a', now, 60_000)).toEqual({ kind: 'claimed' });
      expect(await receipts.claim('msg_a', now, 60_000)).toEqual({ kind: 'in_progress' });
      await receipts.complete('msg_a', { status: 201, body: { id: 'iss_34', texte: '« » ’' } }, now);
      await receipts.release('msg_a');
      expect(await receipts.claim('msg_a', now, 60_000)).toEqual({
        kind: 'done',
        response: { status: 201, body: { id: 'iss_34', texte: '« » ’' } },
      });
    });

    it('lets a released or expired claim be taken again', async () => {
      const now = new Date(AT);
      await receipts.claim('msg_b', now, 60_000);
      await receipts.release('msg_b');
      expect(await receipts.claim('msg_b', now, 1_000)).toEqual({ kind: 'claimed' });
      expect(await receipts.claim('msg_b', new Date(now.getTime() + 500), 1_000)).toEqual({
        kind: 'in_progress',
      });
      expect(await receipts.claim('msg_b', new Date(now.getTime() + 2_000), 1_000)).toEqual({
        kind: 'claimed',
      });
    });

    it('creates a subscriber once per address and changes it only from the status it expects', async () => {
      const pending = aSubscriber({ status: 'pending', name: 'Chloé « Clo » Martin' });
      expect(await subscribers.create(pending)).toBe(true);
      expect(await subscribers.create(pending)).toBe(false);
      expect(await subscribers.get(pending.id)).toEqual(pending);
      const confirmed = { ...pending, status: 'confirmed' as const };
      expect(await subscribers.replace(confirmed, 'pending')).toBe(true);
      expect(await subscribers.replace({ ...pending, status: 'unsubscribed' }, 'pending')).toBe(false);
      expect((await subscribers.get(pending.id))?.status).toBe('confirmed');
    });

    it('writes a subscriber only over the version it was read at, and bumps it', async () => {
      const reader = aSubscriber();
      await subscribers.create(reader);
      const read = await subscribers.get(reader.id);
      if (!read || read.status === 'suppressed') throw new Error('the reader was not stored');
      expect(read.version).toBeUndefined();
      const paused = { ...read, preferences: { paused: true } };
      expect(await subscribers.replace(paused, 'confirmed')).toBe(true);
      // A second writer that read the same version loses, whatever it wanted.
      expect(await subscribers.replace({ ...read, language: 'en' }, 'confirmed')).toBe(false);
      expect(await subscribers.get(reader.id)).toEqual({ ...paused, version: 1 });
      const again = await subscribers.get(reader.id);
      expect(again && again.status !== 'suppressed' && (await subscribers.replace(again, 'confirmed'))).toBe(
        true,
      );
      expect((await subscribers.get(reader.id)) as { version?: number }).toMatchObject({ version: 2 });
    });

    it('suppresses an address keeping no personal data, idempotently, and blocks re-creation', async () => {
      const subscriber = aSubscriber();
      await subscribers.create(subscriber);
      await subscribers.suppress(subscriber.id, 'complaint', AT);
      await subscribers.suppress(subscriber.id, 'hard_bounce', '2026-11-25T00:00:00.000Z');
      expect(await subscribers.get(subscriber.id)).toEqual({
        id: subscriber.id,
        status: 'suppressed',
        reason: 'complaint',
        suppressedAt: AT,
      });
      expect(await subscribers.create(subscriber)).toBe(false);
    });

    it('pages through one status in a stable order and counts it', async () => {
      const made = Array.from({ length: 7 }, () => aSubscriber({ status: 'unsubscribed' }));
      for (const s of made) await subscribers.create(s);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await subscribers.listByStatus('unsubscribed', {
          limit: 3,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.items.map((s) => s.id));
        cursor = page.cursor;
      } while (cursor);
      expect(seen).toEqual(made.map((s) => s.id).sort());
      expect(await subscribers.countByStatus('unsubscribed')).toBe(7);
    });

    describe('the archive listing', () => {
      // A table of its own: the order of every issue in the index is asserted.
      let archive: IssueStore;
      const planned = [
        { series: 301, sunday: '2027-03-07' },
        { series: 303, sunday: '2027-03-14' },
        { series: 302, sunday: '2027-03-14' }, // the same Sunday: the series number orders them
        { series: 304, sunday: '2027-03-21' },
        { series: 305, sunday: '2027-03-28' },
      ];
      beforeAll(async () => {
        archive = (await makeStores()).issues;
        for (const { series, sunday } of planned)
          await archive.saveRevision(anIssue({ series, sunday }), undefined);
      });
      const seriesOf = (issues: { series: number }[]) => issues.map((i) => i.series);

      it('pages every issue newest first, resuming after a position and never repeating one', async () => {
        expect(seriesOf(await archive.pageBySunday({ limit: 10 }))).toEqual([305, 304, 303, 302, 301]);
        const first = await archive.pageBySunday({ limit: 2 });
        expect(seriesOf(first)).toEqual([305, 304]);
        const second = await archive.pageBySunday({ limit: 2, from: { sunday: '2027-03-21', series: 304 } });
        expect(seriesOf(second)).toEqual([303, 302]);
        const tie = await archive.pageBySunday({ limit: 2, from: { sunday: '2027-03-14', series: 303 } });
        expect(seriesOf(tie)).toEqual([302, 301]);
        expect(await archive.pageBySunday({ limit: 2, from: { sunday: '2027-03-07', series: 301 } })).toEqual(
          [],
        );
      });

      it('pages oldest first from a position, for the issues written ahead of one', async () => {
        const later = await archive.pageBySunday({
          limit: 3,
          from: { sunday: '2027-03-14', series: 302 },
          order: 'oldest_first',
        });
        expect(seriesOf(later)).toEqual([303, 304, 305]);
      });

      it('returns issues whole, as stored', async () => {
        const [newest] = await archive.pageBySunday({ limit: 1 });
        expect(newest).toEqual(await archive.get(issueIdFor(305)));
      });

      it('keeps both feeds of an issue byte for byte, each read on its own', async () => {
        const feeds = {
          rss: '<?xml version="1.0"?><rss><title>«\u00a0Chambre en Provence\u00a0» 😉</title></rss>',
          atom: '<?xml version="1.0"?><feed><title>d’Avignon ]]&gt;</title></feed>',
        };
        expect(await archive.getFeed(issueIdFor(305), 'rss')).toBeUndefined();
        await archive.saveFeeds(issueIdFor(305), feeds, AT, [issueIdFor(305), issueIdFor(304)]);
        expect(await archive.getFeed(issueIdFor(305), 'rss')).toEqual({
          xml: feeds.rss,
          builtAt: AT,
          listed: [issueIdFor(305), issueIdFor(304)],
        });
        expect(await archive.getFeed(issueIdFor(305), 'atom')).toEqual({
          xml: feeds.atom,
          builtAt: AT,
          listed: [issueIdFor(305), issueIdFor(304)],
        });
        const later = '2026-11-29T08:00:00.000Z';
        await archive.saveFeeds(issueIdFor(305), { ...feeds, rss: '<rss/>' }, later, [issueIdFor(305)]);
        expect(await archive.getFeed(issueIdFor(305), 'rss')).toEqual({
          xml: '<rss/>',
          builtAt: later,
          listed: [issueIdFor(305)],
        });
      });

      it('refuses feeds that would not fit in one item, writing neither', async () => {
        const huge = randomBytes(450_000).toString('base64');
        await expect(
          archive.saveFeeds(issueIdFor(304), { rss: '<rss/>', atom: huge }, AT, [issueIdFor(304)]),
        ).rejects.toBeInstanceOf(FeedTooLargeError);
        expect(await archive.getFeed(issueIdFor(304), 'rss')).toBeUndefined();
      });
    });
  });
};
