import type { CampaignCounts, CampaignId, LedgerEntry, LedgerState } from '../../domain/campaign.ts';
import type { SubscriberId } from '../../domain/subscriber.ts';
import type { CampaignLedgerReader } from '../../ports/campaign-ledger.ts';
import type { CampaignStore } from '../../ports/campaign-store.ts';
import { stored } from './stored.ts';

type LedgerOperations = Pick<
  CampaignStore,
  'claim' | 'settle' | 'release' | 'markAmbiguous' | 'reconcile' | 'ledger' | 'counts'
>;

const STATES: LedgerState[] = ['claimed', 'sending', 'sent', 'failed', 'ambiguous', 'skipped'];

/** An entry as the table has it: `reconciled` rides along once an SES event settled an ambiguous send. */
type Entry = LedgerEntry & { reconciled?: true };

/** Every campaign's ledger, by campaign then recipient: the store writes it, the report's reader reads it. */
export type LedgerEntries = Map<string, Entry>;

/** A campaign's entries in recipient order, as its partition reads. */
export const memoryLedgerReader = (entries: LedgerEntries): CampaignLedgerReader => ({
  entries: async (id) =>
    [...entries.values()]
      .filter((entry) => entry.campaignId === id)
      .sort((a, b) => (a.subscriberId < b.subscriberId ? -1 : 1))
      .map(stored),
});

/** One entry per (campaign, recipient); every transition checks the state (and token) it starts from. */
export const memoryLedger = (
  entries: LedgerEntries,
  newToken: () => string,
  audienceOf: (id: CampaignId) => number,
): LedgerOperations => {
  const keyOf = (id: CampaignId, subscriberId: SubscriberId) => `${id}\u0000${subscriberId}`;
  const when = (
    id: CampaignId,
    subscriberId: SubscriberId,
    condition: (entry: Entry) => boolean,
    change: (entry: Entry) => Entry,
  ) => {
    const entry = entries.get(keyOf(id, subscriberId));
    if (!entry || !condition(entry)) return false;
    entries.set(keyOf(id, subscriberId), change(entry));
    return true;
  };

  return {
    ledger: async (id, subscriberId) => {
      const entry = entries.get(keyOf(id, subscriberId));
      return entry ? stored(entry) : undefined;
    },

    claim: async (id, subscriberId, now, leaseMs) => {
      const key = keyOf(id, subscriberId);
      const entry = entries.get(key);
      // `claimed` with an expired lease: an entry from before claims went straight to `sending`.
      if (entry && !(entry.state === 'claimed' && entry.leaseUntil !== undefined && entry.leaseUntil < now))
        return { claimed: false, entry: stored(entry) };
      const token = newToken();
      entries.set(key, {
        campaignId: id,
        subscriberId,
        state: 'sending',
        claimToken: token,
        leaseUntil: now + leaseMs,
        updatedAt: new Date(now).toISOString(),
      });
      return { claimed: true, token };
    },

    settle: async (id, subscriberId, token, outcome, at) =>
      when(
        id,
        subscriberId,
        (entry) => entry.claimToken === token && (entry.state === 'claimed' || entry.state === 'sending'),
        ({ claimToken: _t, leaseUntil: _l, ...entry }) => ({
          ...entry,
          state: outcome.state,
          updatedAt: at,
          ...(outcome.messageId ? { messageId: outcome.messageId } : {}),
          ...(outcome.detail ? { detail: outcome.detail.slice(0, 500) } : {}),
        }),
      ),

    release: async (id, subscriberId, token) => {
      const key = keyOf(id, subscriberId);
      if (entries.get(key)?.claimToken === token) entries.delete(key);
    },

    markAmbiguous: async (id, subscriberId, at) =>
      when(
        id,
        subscriberId,
        (entry) =>
          entry.state === 'sending' && entry.leaseUntil !== undefined && entry.leaseUntil < Date.parse(at),
        ({ claimToken: _t, ...entry }) => ({
          ...entry,
          state: 'ambiguous',
          updatedAt: at,
          detail: 'the sender stopped during its SES call',
        }),
      ),

    reconcile: async (id, subscriberId, messageId, at) =>
      when(
        id,
        subscriberId,
        (entry) => entry.state === 'ambiguous',
        (entry) => ({ ...entry, state: 'sent', messageId, updatedAt: at, reconciled: true }),
      ),

    counts: async (id) => {
      const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<LedgerState, number>;
      for (const entry of entries.values()) if (entry.campaignId === id) counts[entry.state] += 1;
      const audience = audienceOf(id);
      const settled = STATES.reduce((n, s) => n + counts[s], 0);
      return { audience, ...counts, pending: Math.max(0, audience - settled) } satisfies CampaignCounts;
    },
  };
};
