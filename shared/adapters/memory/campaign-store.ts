import { randomUUID } from 'node:crypto';
import type { Campaign, CampaignId, SendBatch } from '../../domain/campaign.ts';
import type { CampaignStore } from '../../ports/campaign-store.ts';
import { type LedgerEntries, memoryLedger } from './campaign-ledger.ts';
import { stored } from './stored.ts';

/** What the table keeps beside the campaign itself: who holds its dispatch, and which batches are done. */
export type CampaignRecord = Partial<Campaign> & {
  doneBatches?: Set<number>;
  dispatchHolder?: string;
  dispatchLeaseUntil?: number;
};

const campaignOf = ({
  doneBatches: _d,
  dispatchHolder: _h,
  dispatchLeaseUntil: _l,
  ...rest
}: CampaignRecord) => stored(rest) as Campaign;

/**
 * Campaigns, batches and ledger entries in maps, with each transition's condition checked and applied in one
 * synchronous step, as DynamoDB applies one conditional write. An unconditional change to a campaign that does
 * not exist creates a partial record, as an UpdateItem does. Hand the same `ledger` to `memoryLedgerReader`
 * for a report to read what the senders wrote.
 */
export const memoryCampaignStore = ({
  newToken = () => randomUUID(),
  ledger = new Map() as LedgerEntries,
} = {}): CampaignStore => {
  const campaigns = new Map<CampaignId, CampaignRecord>();
  const batches = new Map<string, SendBatch>();
  const record = (id: CampaignId) => {
    const found = campaigns.get(id) ?? {};
    campaigns.set(id, found);
    return found;
  };
  const when = (
    id: CampaignId,
    condition: (found: CampaignRecord) => boolean,
    change: (found: CampaignRecord) => void,
  ) => {
    const found = campaigns.get(id);
    if (!found || !condition(found)) return false;
    change(found);
    return true;
  };

  return {
    create: async (campaign) => {
      if (campaigns.has(campaign.id)) return false;
      campaigns.set(campaign.id, stored(campaign));
      return true;
    },

    get: async (id) => {
      const found = campaigns.get(id);
      return found ? campaignOf(found) : undefined;
    },

    listUnfinished: async () =>
      [...campaigns.values()]
        .filter((found) => found.startedAt !== undefined)
        .filter((found) => found.status !== 'done' || found.reportedAt === undefined)
        .sort((a, b) => ((a.startedAt ?? '') < (b.startedAt ?? '') ? 1 : -1))
        .map(campaignOf),

    leaseDispatch: async (id, holder, now, leaseMs) => {
      const found = campaigns.get(id);
      const free =
        found?.dispatchLeaseUntil === undefined ||
        found.dispatchHolder === holder ||
        found.dispatchLeaseUntil < now;
      if (free) Object.assign(record(id), { dispatchHolder: holder, dispatchLeaseUntil: now + leaseMs });
      return free;
    },

    checkpoint: async (id, afterBatches, next) =>
      when(
        id,
        (found) => found.batches === afterBatches,
        (found) => {
          found.batches = next.batches;
          found.audience = next.audience;
          if (next.cursor) found.cursor = next.cursor;
          else delete found.cursor;
        },
      ),

    finishDispatch: async (id) => {
      record(id).dispatched = true;
      // A campaign paused meanwhile stays paused: its resume turns it to sending.
      when(
        id,
        (found) => found.status === 'dispatching',
        (found) => (found.status = 'sending'),
      );
    },

    putBatch: async (batch) => {
      const key = `${batch.campaignId}#${batch.number}`;
      const current = batches.get(key);
      if (current) return stored(current);
      batches.set(key, stored(batch));
      return batch;
    },

    getBatch: async (id, number) => {
      const batch = batches.get(`${id}#${number}`);
      return batch ? stored(batch) : undefined;
    },

    markBatchDone: async (id, number) => {
      const found = record(id);
      found.doneBatches = new Set([...(found.doneBatches ?? []), number]);
      return found.doneBatches.size;
    },

    doneBatchNumbers: async (id) => new Set(campaigns.get(id)?.doneBatches ?? []),

    pause: async (id, resumeAt) => {
      let first = false;
      when(
        id,
        (found) => found.status !== 'done',
        (found) => {
          first = found.firstResumeAt === undefined;
          Object.assign(found, {
            status: 'paused',
            resumeAt,
            firstResumeAt: found.firstResumeAt ?? resumeAt,
          });
        },
      );
      return first;
    },

    resume: async (id) => {
      when(
        id,
        (found) => found.status === 'paused',
        (found) => {
          found.status = 'dispatching';
          delete found.resumeAt;
        },
      );
      // Paused after its dispatch finished: back to sending.
      when(
        id,
        (found) => found.dispatched === true && found.status === 'dispatching',
        (found) => (found.status = 'sending'),
      );
    },

    complete: async (id, at) =>
      when(
        id,
        (found) =>
          found.dispatched === true &&
          found.status !== 'done' &&
          (found.batches === 0 ||
            (found.doneBatches !== undefined && found.doneBatches.size === found.batches)),
        (found) => Object.assign(found, { status: 'done', finishedAt: at }),
      ),

    markReported: async (id, at) => {
      const found = record(id);
      if (found.reportedAt !== undefined) return false;
      found.reportedAt = at;
      return true;
    },

    releaseReport: async (id) => {
      delete record(id).reportedAt;
    },

    ...memoryLedger(ledger, newToken, (id) => campaigns.get(id)?.audience ?? 0),
  };
};
