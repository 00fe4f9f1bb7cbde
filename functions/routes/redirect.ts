import { Hono } from 'hono';
import { type FollowClickDeps, followClick } from '../../shared/usecases/music/follow-click.ts';
import { HttpProblem } from '../http/problem.ts';

// Each click must reach us to be counted, and the target is nobody else's business: no cache, no referrer.
const REDIRECT_HEADERS = { 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' };

/**
 * `/r/:linkId`, the email's links. Only the id is read from the request (no query, no other path), so the
 * answer is a stored target or 404: not an open redirect. No cookie is set; the count is aggregate only.
 */
export const redirectRoutes = (deps: FollowClickDeps) =>
  new Hono().get('/:linkId', async (c) => {
    // Hono answers HEAD with the GET handler: mail scanners probe links that way, a reader never does.
    const followed = await followClick(c.req.param('linkId'), deps, { count: c.req.method !== 'HEAD' });
    if (!followed.ok)
      throw new HttpProblem(404, 'link-not-found', 'No such link', 'This link does not exist.', {
        // Not cached either: an id registered a moment later must not stay a 404 in a cache.
        headers: { 'cache-control': 'no-store' },
      });
    for (const [name, value] of Object.entries(REDIRECT_HEADERS)) c.header(name, value);
    return c.redirect(followed.target, 302);
  });
