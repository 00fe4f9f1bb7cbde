import { createHash } from 'node:crypto';
import type { IssueId } from '../issue.ts';
import type { LinkVariant } from '../platforms.ts';

/**
 * A link in the email, stored before any mail carries it: `/r/:id` redirects to `target` and to nothing else.
 * `platform` is where the target leads; `universal` is the song.link page, or the author's own link when the
 * track was not resolved.
 */
export type ClickLink = {
  id: string;
  issueId: IssueId;
  position: number;
  platform: LinkVariant;
  target: string;
};

const ID_LENGTH = 22;

/**
 * Derived from what the link is, so a re-render of the same content registers the same ids (the counts carry
 * over) and a changed target gets a new one. 132 bits of a hash: not guessable, and an altered id finds nothing.
 */
export const clickLinkId = (link: Omit<ClickLink, 'id'>): string =>
  createHash('sha256')
    .update(JSON.stringify([link.issueId, link.position, link.platform, link.target]))
    .digest('base64url')
    .slice(0, ID_LENGTH);

export const clickLink = ({ issueId, position, platform, target }: Omit<ClickLink, 'id'>): ClickLink => {
  const link = { issueId, position, platform, target };
  return { id: clickLinkId(link), ...link };
};

const CLICK_LINK_ID = new RegExp(`^[A-Za-z0-9_-]{${ID_LENGTH}}$`);

/** Anything else is answered 404 without a read. */
export const isClickLinkId = (raw: string): boolean => CLICK_LINK_ID.test(raw);

export { clickUrl } from '../public-urls.ts';

/** Aggregate only: how many times one track's link to one platform was followed, never by whom. */
export type ClickCount = { issueId: IssueId; position: number; platform: LinkVariant; clicks: number };
