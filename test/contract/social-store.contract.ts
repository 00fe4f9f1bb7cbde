import { beforeAll, describe, expect, it } from 'vitest';
import type { SocialAttempt } from '../../shared/domain/social/social-attempt.ts';
import type { SocialStore } from '../../shared/ports/social-store.ts';
import type { MakeStores } from './stores.ts';

const attempt = (change: Partial<SocialAttempt>): SocialAttempt => ({
  issueId: 'iss_34',
  network: 'bluesky',
  state: 'calling',
  attempts: 1,
  version: 1,
  updatedAt: '2026-11-29T08:00:00.000Z',
  ...change,
});

/** The social worker's records: every write conditional on the version read, blocks told once per credentials. */
export const socialStoreContract = (label: string, makeStores: MakeStores) => {
  describe(`social store on ${label}`, () => {
    let store: SocialStore;
    beforeAll(async () => {
      store = (await makeStores()).social;
    });

    it('writes version 1 once, then each version only over the one before', async () => {
      expect(await store.save(attempt({ leaseUntil: '2026-11-29T08:00:30.000Z' }))).toBe(true);
      expect(await store.save(attempt({}))).toBe(false);
      expect(await store.save(attempt({ version: 3, state: 'published' }))).toBe(false);
      expect(
        await store.save(attempt({ version: 2, state: 'published', postUrl: 'https://bsky.app/p/1' })),
      ).toBe(true);
      expect(await store.save(attempt({ version: 2, state: 'failed' }))).toBe(false);
      // A step writes only what it says: the lease of the claim is gone.
      expect(await store.get('iss_34', 'bluesky')).toEqual(
        attempt({ version: 2, state: 'published', postUrl: 'https://bsky.app/p/1' }),
      );
    });

    it("lists one issue's networks and nothing of another issue", async () => {
      await store.save(attempt({ network: 'x', issueId: 'iss_35' }));
      await store.save(attempt({ network: 'mastodon', issueId: 'iss_35', state: 'waiting' }));
      await store.save(attempt({ network: 'x', issueId: 'iss_350' }));
      const listed = await store.list('iss_35');
      expect(listed.map((a) => a.network).sort()).toEqual(['mastodon', 'x']);
      expect(await store.get('iss_35', 'threads')).toBeUndefined();
    });

    it('blocks an account once per refused credentials', async () => {
      const block = {
        network: 'mastodon' as const,
        credentials: 'f1',
        reason: '401',
        since: '2026-11-29T08:00:00Z',
      };
      expect(await store.blockOf('mastodon')).toBeUndefined();
      expect(await store.block(block)).toBe(true);
      expect(await store.block({ ...block, since: '2026-12-06T08:00:00Z' })).toBe(false);
      expect(await store.blockOf('mastodon')).toEqual(block);
      expect(await store.block({ ...block, credentials: 'f2' })).toBe(true);
      expect((await store.blockOf('mastodon'))?.credentials).toBe('f2');
    });
  });
};
