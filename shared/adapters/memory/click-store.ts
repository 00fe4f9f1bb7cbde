import type { IssueId } from '../../domain/issue.ts';
import type { ClickCount, ClickLink } from '../../domain/music/click-link.ts';
import { LINK_VARIANTS } from '../../domain/platforms.ts';
import type { ClickStore } from '../../ports/click-store.ts';
import { stored } from './stored.ts';

/** Links by id and a counter per link: registering again keeps the count. */
export const memoryClickStore = (): ClickStore => {
  const links = new Map<string, ClickLink>();
  const counts = new Map<string, ClickCount>();
  return {
    register: async (registered) => {
      for (const link of registered) links.set(link.id, stored(link));
    },

    find: async (id) => {
      const link = links.get(id);
      return link ? stored(link) : undefined;
    },

    count: async ({ id, issueId, position, platform }) => {
      const clicks = (counts.get(id)?.clicks ?? 0) + 1;
      counts.set(id, { issueId, position, platform, clicks });
    },

    countsFor: async (issueId: IssueId) => {
      // One (position, platform) may have had several ids (a target changed between renders): summed.
      const totals = new Map<string, ClickCount>();
      for (const count of counts.values()) {
        if (count.issueId !== issueId) continue;
        const { position, platform, clicks } = count;
        const key = `${position}#${platform}`;
        const total = totals.get(key) ?? { issueId, position, platform, clicks: 0 };
        totals.set(key, { ...total, clicks: total.clicks + clicks });
      }
      return [...totals.values()].sort(
        (a, b) =>
          a.position - b.position || LINK_VARIANTS.indexOf(a.platform) - LINK_VARIANTS.indexOf(b.platform),
      );
    },
  };
};
