import type { CatalogueEntry, CatalogueStore } from '../../ports/catalogue-store.ts';
import { stored } from './stored.ts';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The table's identity of an entry: its key, then series and position (the order a key's entries read in). */
const identity = (entry: CatalogueEntry) =>
  `${entry.key}\u0000${pad(entry.series, 9)}#${pad(entry.position, 4)}`;

/**
 * One entry per (key, series, position); a key's entries read in catalogue order, keys in the order asked.
 * The map may be handed in, so a contract test can count what is kept as it counts a table's items.
 */
export const memoryCatalogueStore = ({
  entries = new Map<string, CatalogueEntry>(),
} = {}): CatalogueStore => ({
  findByKeys: async (keys) =>
    [...new Set(keys)].flatMap((key) =>
      [...entries]
        .filter(([, entry]) => entry.key === key)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, entry]) => stored(entry)),
    ),

  replaceForIssue: async (issueId, wanted) => {
    for (const [id, entry] of entries) if (entry.issueId === issueId) entries.delete(id);
    for (const entry of wanted) entries.set(identity(entry), stored(entry));
  },
});
