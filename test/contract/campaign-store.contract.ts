import { beforeAll, describe, expect, it } from 'vitest';
import { type Campaign, type CampaignId, campaignIdFor } from '../../shared/domain/campaign.ts';
import { issueIdFor } from '../../shared/domain/issue.ts';
import type { SubscriberId } from '../../shared/domain/subscriber.ts';
import type { CampaignLedgerReader } from '../../shared/ports/campaign-ledger.ts';
import type { CampaignStore } from '../../shared/ports/campaign-store.ts';
import type { MakeStores } from './stores.ts';

const T0 = Date.parse('2026-11-29T08:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

const aCampaign = (series: number, change: Partial<Campaign> = {}): Campaign => ({
  id: campaignIdFor(issueIdFor(series)),
  issueId: issueIdFor(series),
  revision: 1,
  status: 'dispatching',
  startedAt: at(series * 1000),
  batches: 0,
  audience: 0,
  dispatched: false,
  ...change,
});

const recipient = (n: number) => `sub_reader${n}` as SubscriberId;

/** A campaign's every transition is one conditional write: a replay or a second worker changes nothing. */
export const campaignStoreContract = (label: string, makeStores: MakeStores) => {
  describe(`campaign store on ${label}`, () => {
    let store: CampaignStore;
    let reader: CampaignLedgerReader;
    beforeAll(async () => {
      ({ campaigns: store, ledgerReader: reader } = await makeStores());
    });

    /** A campaign paged into `batches` batches and fully dispatched. */
    const dispatched = async (series: number, batches: number) => {
      const campaign = aCampaign(series);
      await store.create(campaign);
      await store.checkpoint(campaign.id, 0, { batches, audience: batches * 2 });
      await store.finishDispatch(campaign.id, at(0));
      return campaign.id;
    };

    it('creates a campaign once per issue and reads it back as created', async () => {
      const campaign = aCampaign(1, { cursor: 'c1' });
      expect(await store.get(campaign.id)).toBeUndefined();
      expect(await store.create(campaign)).toBe(true);
      expect(await store.create({ ...campaign, revision: 2 })).toBe(false);
      expect(await store.get(campaign.id)).toEqual(campaign);
    });

    it('lets one dispatch hold the lease, renews it for its holder, and lets another take it once run out', async () => {
      const { id } = aCampaign(2);
      await store.create(aCampaign(2));
      expect(await store.leaseDispatch(id, 'a', T0, 60_000)).toBe(true);
      expect(await store.leaseDispatch(id, 'b', T0 + 1_000, 60_000)).toBe(false);
      expect(await store.leaseDispatch(id, 'a', T0 + 30_000, 60_000)).toBe(true);
      expect(await store.leaseDispatch(id, 'b', T0 + 60_000, 60_000)).toBe(false);
      expect(await store.leaseDispatch(id, 'b', T0 + 90_001, 60_000)).toBe(true);
      expect(await store.get(id)).toEqual(aCampaign(2));
    });

    it('checkpoints only from the batch count it read, and drops the cursor at the end of the audience', async () => {
      const { id } = aCampaign(3);
      await store.create(aCampaign(3));
      expect(await store.checkpoint(id, 0, { batches: 1, audience: 50, cursor: 'after-1' })).toBe(true);
      expect(await store.checkpoint(id, 0, { batches: 1, audience: 50, cursor: 'again' })).toBe(false);
      expect(await store.get(id)).toMatchObject({ batches: 1, audience: 50, cursor: 'after-1' });
      expect(await store.checkpoint(id, 1, { batches: 2, audience: 73 })).toBe(true);
      const read = await store.get(id);
      expect(read).toMatchObject({ batches: 2, audience: 73 });
      expect(read && 'cursor' in read).toBe(false);
    });

    it('writes a batch once: a second write of its number gives back the first', async () => {
      const { id } = aCampaign(4);
      const batch = { campaignId: id, number: 1, recipients: [recipient(1), recipient(2)] };
      expect(await store.getBatch(id, 1)).toBeUndefined();
      expect(await store.putBatch(batch)).toEqual(batch);
      expect(await store.putBatch({ ...batch, recipients: [recipient(3)] })).toEqual(batch);
      expect(await store.getBatch(id, 1)).toEqual(batch);
      expect(await store.getBatch(id, 2)).toBeUndefined();
    });

    it('counts each done batch once, and completes only when every batch of a finished dispatch is done', async () => {
      const id = await dispatched(5, 2);
      expect(await store.get(id)).toMatchObject({ status: 'sending', dispatched: true });
      expect(await store.markBatchDone(id, 1)).toBe(1);
      expect(await store.markBatchDone(id, 1)).toBe(1);
      expect(await store.complete(id, at(10))).toBe(false);
      expect(await store.markBatchDone(id, 2)).toBe(2);
      expect(await store.doneBatchNumbers(id)).toEqual(new Set([1, 2]));
      const [first, second] = await Promise.all([store.complete(id, at(20)), store.complete(id, at(21))]);
      expect([first, second].filter(Boolean)).toHaveLength(1);
      expect(await store.get(id)).toMatchObject({ status: 'done' });
    });

    it('completes an empty audience at once, but never a dispatch still paging', async () => {
      const { id } = aCampaign(6);
      await store.create(aCampaign(6));
      expect(await store.complete(id, at(1))).toBe(false);
      await store.finishDispatch(id, at(2));
      expect(await store.doneBatchNumbers(id)).toEqual(new Set());
      expect(await store.complete(id, at(3))).toBe(true);
      expect(await store.get(id)).toMatchObject({ status: 'done', finishedAt: at(3), dispatched: true });
    });

    it('tells of the first pause only, keeps its first resume time, and resumes where it stood', async () => {
      const paging = aCampaign(7);
      await store.create(paging);
      expect(await store.pause(paging.id, at(100))).toBe(true);
      expect(await store.pause(paging.id, at(200))).toBe(false);
      expect(await store.get(paging.id)).toMatchObject({
        status: 'paused',
        resumeAt: at(200),
        firstResumeAt: at(100),
      });
      // Paused while paging: its dispatch finishing leaves it paused.
      await store.finishDispatch(paging.id, at(150));
      expect(await store.get(paging.id)).toMatchObject({ status: 'paused', dispatched: true });
      await store.resume(paging.id);
      const resumed = await store.get(paging.id);
      expect(resumed).toMatchObject({ status: 'sending', firstResumeAt: at(100) });
      expect(resumed && 'resumeAt' in resumed).toBe(false);

      const still = aCampaign(8);
      await store.create(still);
      await store.pause(still.id, at(100));
      await store.resume(still.id);
      expect(await store.get(still.id)).toMatchObject({ status: 'dispatching' });
    });

    it('never pauses a finished campaign', async () => {
      const id = await dispatched(9, 0);
      await store.complete(id, at(1));
      expect(await store.pause(id, at(100))).toBe(false);
      expect(await store.get(id)).toMatchObject({ status: 'done' });
    });

    it('claims the one report, and gives it back for a later attempt', async () => {
      const id = await dispatched(10, 0);
      const claims = await Promise.all([store.markReported(id, at(1)), store.markReported(id, at(2))]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      await store.releaseReport(id);
      expect(await store.markReported(id, at(3))).toBe(true);
      expect(await store.get(id)).toMatchObject({ reportedAt: at(3) });
    });

    it('lists the campaigns not finished, newest first: a done one until it is reported', async () => {
      const { campaigns } = await makeStores();
      const older = aCampaign(11);
      const newer = aCampaign(12);
      await campaigns.create(older);
      await campaigns.create(newer);
      await campaigns.finishDispatch(older.id, at(1));
      await campaigns.complete(older.id, at(2));
      expect((await campaigns.listUnfinished()).map((c) => c.id)).toEqual([newer.id, older.id]);
      await campaigns.markReported(older.id, at(3));
      expect(await campaigns.listUnfinished()).toEqual([newer]);
    });

    describe('the ledger', () => {
      const id: CampaignId = campaignIdFor(issueIdFor(20));
      beforeAll(async () => {
        await store.create(aCampaign(20, { audience: 5, batches: 1 }));
      });

      it('gives a recipient to one claimer of many, as sending with a lease', async () => {
        const claims = await Promise.all([1, 2, 3].map(() => store.claim(id, recipient(1), T0, 60_000)));
        const won = claims.filter((c) => c.claimed);
        expect(won).toHaveLength(1);
        const entry = await store.ledger(id, recipient(1));
        expect(entry).toMatchObject({
          campaignId: id,
          subscriberId: recipient(1),
          state: 'sending',
          leaseUntil: T0 + 60_000,
          updatedAt: at(0),
        });
        expect(claims.filter((c) => !c.claimed)).toEqual([
          { claimed: false, entry },
          { claimed: false, entry },
        ]);
      });

      it('settles only for the holder of the claim, once, dropping the claim', async () => {
        const claim = await store.claim(id, recipient(2), T0, 60_000);
        if (!claim.claimed) throw new Error('the first claim was refused');
        const outcome = { state: 'sent' as const, messageId: 'ses-2' };
        expect(await store.settle(id, recipient(2), 'not-the-token', outcome, at(1))).toBe(false);
        expect(await store.settle(id, recipient(2), claim.token, outcome, at(1))).toBe(true);
        expect(await store.settle(id, recipient(2), claim.token, { state: 'failed' }, at(2))).toBe(false);
        expect(await store.ledger(id, recipient(2))).toEqual({
          campaignId: id,
          subscriberId: recipient(2),
          state: 'sent',
          messageId: 'ses-2',
          updatedAt: at(1),
        });
        expect(await store.claim(id, recipient(2), T0 + 120_000, 60_000)).toMatchObject({ claimed: false });
      });

      it('keeps a failure detail to 500 characters', async () => {
        const claim = await store.claim(id, recipient(3), T0, 60_000);
        if (!claim.claimed) throw new Error('the first claim was refused');
        await store.settle(
          id,
          recipient(3),
          claim.token,
          { state: 'failed', detail: 'é'.repeat(600) },
          at(1),
        );
        expect((await store.ledger(id, recipient(3)))?.detail).toBe('é'.repeat(500));
      });

      it('gives a released claim back at once, to the holder only', async () => {
        const claim = await store.claim(id, recipient(4), T0, 60_000);
        if (!claim.claimed) throw new Error('the first claim was refused');
        await store.release(id, recipient(4), 'not-the-token');
        expect(await store.ledger(id, recipient(4))).toMatchObject({ state: 'sending' });
        await store.release(id, recipient(4), claim.token);
        expect(await store.ledger(id, recipient(4))).toBeUndefined();
        expect(await store.claim(id, recipient(4), T0, 60_000)).toMatchObject({ claimed: true });
      });

      it('marks a send ambiguous once its lease ran out, never sends it again, and reconciles it', async () => {
        const claim = await store.claim(id, recipient(5), T0, 60_000);
        if (!claim.claimed) throw new Error('the first claim was refused');
        expect(await store.markAmbiguous(id, recipient(5), at(30_000))).toBe(false);
        expect(await store.reconcile(id, recipient(5), 'ses-5', at(30_000))).toBe(false);
        expect(await store.markAmbiguous(id, recipient(5), at(61_000))).toBe(true);
        expect(await store.markAmbiguous(id, recipient(5), at(62_000))).toBe(false);
        expect(await store.ledger(id, recipient(5))).toMatchObject({
          state: 'ambiguous',
          detail: 'the sender stopped during its SES call',
          updatedAt: at(61_000),
        });
        expect(await store.settle(id, recipient(5), claim.token, { state: 'sent' }, at(63_000))).toBe(false);
        expect(await store.claim(id, recipient(5), T0 + 600_000, 60_000)).toMatchObject({ claimed: false });
        expect(await store.reconcile(id, recipient(5), 'ses-5', at(70_000))).toBe(true);
        expect(await store.reconcile(id, recipient(5), 'ses-5', at(71_000))).toBe(false);
        expect(await store.ledger(id, recipient(5))).toMatchObject({
          state: 'sent',
          messageId: 'ses-5',
          updatedAt: at(70_000),
        });
      });

      it("reads a campaign's every entry for its report, in recipient order, and none of another", async () => {
        const entries = await reader.entries(id);
        expect(entries.map((e) => e.subscriberId)).toEqual([1, 2, 3, 4, 5].map(recipient));
        expect(entries).toEqual(
          await Promise.all([1, 2, 3, 4, 5].map((n) => store.ledger(id, recipient(n)))),
        );
        expect(await reader.entries(campaignIdFor(issueIdFor(21)))).toEqual([]);
      });

      it("counts the ledger's states against the audience, the rest pending", async () => {
        expect(await store.counts(id)).toEqual({
          audience: 5,
          claimed: 0,
          sending: 2,
          sent: 2,
          failed: 1,
          ambiguous: 0,
          skipped: 0,
          pending: 0,
        });
        expect(await store.counts(campaignIdFor(issueIdFor(21)))).toEqual({
          audience: 0,
          claimed: 0,
          sending: 0,
          sent: 0,
          failed: 0,
          ambiguous: 0,
          skipped: 0,
          pending: 0,
        });
      });
    });
  });
};
