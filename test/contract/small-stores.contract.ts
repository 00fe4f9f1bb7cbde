import { beforeAll, describe, expect, it } from 'vitest';
import { item } from '../../shared/domain/deliverability/health-item.ts';
import type { StudioAction } from '../../shared/domain/studio/issue-hold.ts';
import type { MakeStores, Stores } from './stores.ts';

const AT = '2026-11-29T08:00:00.000Z';

/** The stores that keep one record per thing: feed polls, the deliverability report, holds and actions. */
export const smallStoresContract = (label: string, makeStores: MakeStores) => {
  describe(`feed poll, deliverability and hold stores on ${label}`, () => {
    let stores: Stores;
    beforeAll(async () => {
      stores = await makeStores();
    });

    it('keeps the last state of each feed, by an address of any length', async () => {
      const url = `https://blog.example.org/feed?${'q'.repeat(3000)}`;
      expect(await stores.feedPolls.get(url)).toBeUndefined();
      const state = {
        url,
        validators: { etag: '"v1"' },
        seen: ['a', 'b'],
        failures: 0,
        lastPolledAt: AT,
        initialisedAt: AT,
      };
      await stores.feedPolls.put(state);
      await stores.feedPolls.put({ ...state, url: 'https://other.example.org/feed', failures: 2 });
      expect(await stores.feedPolls.get(url)).toEqual(state);
      const next = { url, validators: {}, seen: ['a', 'b', 'c'], failures: 1, lastPolledAt: AT };
      await stores.feedPolls.put(next);
      expect(await stores.feedPolls.get(url)).toEqual(next);
    });

    it('keeps only the latest deliverability report', async () => {
      expect(await stores.deliverability.latest()).toBeUndefined();
      const first = { checkedAt: AT, items: [item('dkim', 'ok', 'DKIM « ok »', 'DKIM « ok »')] };
      await stores.deliverability.save(first);
      expect(await stores.deliverability.latest()).toEqual(first);
      const second = { checkedAt: '2026-11-30T08:00:00.000Z', items: [] };
      await stores.deliverability.save(second);
      expect(await stores.deliverability.latest()).toEqual(second);
    });

    it('holds an issue once, and releases it once', async () => {
      const hold = { issueId: 'iss_34' as const, kind: 'held' as const, by: 'chloe@example.org', at: AT };
      expect(await stores.holds.get('iss_34')).toBeUndefined();
      const tries = await Promise.all([
        stores.holds.hold(hold),
        stores.holds.hold({ ...hold, kind: 'cancelled' }),
      ]);
      expect(tries.filter(Boolean)).toHaveLength(1);
      expect((await stores.holds.get('iss_34'))?.issueId).toBe('iss_34');
      expect(await stores.holds.release('iss_34')).toBe(true);
      expect(await stores.holds.release('iss_34')).toBe(false);
      expect(await stores.holds.get('iss_34')).toBeUndefined();
    });

    it("lists an issue's actions oldest first, two in one millisecond in the order recorded", async () => {
      const action = (kind: StudioAction['action'], at: string, move?: { from: string; to: string }) => ({
        issueId: 'iss_35' as const,
        action: kind,
        by: 'chloe@example.org',
        at,
        ...move,
      });
      const actions = [
        action('hold', AT),
        action('release', AT),
        action('move', '2026-11-29T08:00:01.000Z', { from: '2026-11-29', to: '2026-12-06' }),
        action('send_now', '2026-11-29T08:00:02.000Z'),
      ];
      for (const recorded of actions) await stores.holds.record(recorded);
      await stores.holds.record({ ...action('test_send', AT), issueId: 'iss_36' });
      expect(await stores.holds.actions('iss_35')).toEqual(actions);
      expect(await stores.holds.actions('iss_37')).toEqual([]);
    });
  });
};
