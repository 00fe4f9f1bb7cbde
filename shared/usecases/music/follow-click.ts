import { type ClickLink, isClickLinkId } from '../../domain/music/click-link.ts';
import type { Logger } from '../../ports/logger.ts';

export type FollowClickDeps = {
  clicks: { find: (id: string) => Promise<ClickLink | undefined>; count: (link: ClickLink) => Promise<void> };
  logger: Logger;
};

export type FollowClickResult = { ok: true; target: string } | { ok: false };

/**
 * A reader followed `/r/:id`. The answer is only ever a stored target: nothing from the request but the id is
 * used, so the redirect cannot be pointed elsewhere, and an id not registered (guessed, altered) is not found.
 * `count: false`: a link checker's HEAD, answered the same without counting it as a play.
 */
export const followClick = async (
  rawId: string,
  deps: FollowClickDeps,
  { count = true }: { count?: boolean } = {},
): Promise<FollowClickResult> => {
  if (!isClickLinkId(rawId)) return { ok: false };
  const link = await deps.clicks.find(rawId);
  if (!link) return { ok: false };
  if (!count) return { ok: true, target: link.target };
  try {
    await deps.clicks.count(link);
  } catch (error) {
    // The count is ours, the click is the reader's: a counter that cannot be written costs one click in the
    // report, never the reader's way to the music.
    deps.logger.error('click not counted', {
      error,
      issueId: link.issueId,
      position: link.position,
      platform: link.platform,
    });
  }
  return { ok: true, target: link.target };
};
