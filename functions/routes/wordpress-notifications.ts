import { Hono } from 'hono';
import type { PublicDeps } from '../app-deps.ts';
import { limitBody } from '../http/limit-body.ts';
import { HttpProblem, invalidFields } from '../http/problem.ts';
import { wordpressToken } from '../http/wordpress-token.ts';
import { revisionConflict, storedIssueAnswer } from './post-answer.ts';
import { notificationOf } from '../../shared/domain/posts/wordpress-notification.ts';
import type { AuthorNotifier } from '../../shared/ports/author-notices.ts';
import { warnBlogNotPublic } from '../../shared/usecases/posts/warn-blog-not-public.ts';

// WordPress.com posts every field of the post it was asked for (the content too): a generous bound.
const MAX_NOTIFICATION_BYTES = 1024 * 1024;

/** A notice that cannot be mailed is logged: the 502 still tells WordPress.com, and the log tells the operator. */
const tellAuthor = async (url: string, author: AuthorNotifier, deps: PublicDeps) => {
  try {
    await warnBlogNotPublic(url, { author, cooldowns: deps.rateLimits, clock: deps.clock });
  } catch (error) {
    deps.logger.error('blog-not-public notice not sent', { url, error });
  }
};

/**
 * `POST /webhooks/wordpress/:token`: WordPress.com's own webhook ("publish_post", form-encoded), which fires on
 * a publication and on every edit of a published post. Only the post's id and site are read from it; the post
 * itself is fetched from the blog's public API and goes through the same mapping and use case as a signed post.
 */
export const wordpressNotificationRoutes = (deps: PublicDeps) => {
  const { settings, clock, blogPosts } = deps;
  return new Hono().post(
    '/wordpress/:token',
    wordpressToken(settings.secrets),
    limitBody(MAX_NOTIFICATION_BYTES),
    async (c) => {
      const notification = notificationOf(await c.req.parseBody(), settings.wordpressSite);
      if (!notification.ok) throw invalidFields(notification.errors);
      if (notification.ignore) return c.json({ outcome: 'ignored', reason: notification.ignore });
      if (!blogPosts)
        throw new HttpProblem(503, 'blog-not-configured', 'No blog API', 'Set WORDPRESS_API_URL.');

      const { site, id } = notification;
      // Loaded on the first post only, as for the signed webhook: the parser and sanitiser are heavy.
      const { takeNotifiedPost } = await import('../../shared/usecases/posts/take-notified-post.ts');
      const outcome = await takeNotifiedPost(notification, {
        store: deps.issues,
        renderTrigger: deps.renderTrigger,
        clock,
        timeZone: settings.timeZone,
        blogPosts,
      });
      if (outcome.kind === 'not_found') {
        deps.logger.warn('blog post not found', { site, postId: id });
        return c.json({ outcome: 'ignored', reason: 'not_found' });
      }
      if (outcome.kind === 'unavailable' && outcome.notPublic) {
        // Her setting (or her blog's redirect) is wrong, not our code: she is told, and WordPress.com hears a
        // 502 so the notification shows as failed on its side too.
        const { url } = outcome.notPublic;
        deps.logger.warn('blog API not public', { site, postId: id, url });
        if (deps.author) await tellAuthor(url, deps.author, deps);
        throw new HttpProblem(
          502,
          'blog-not-public',
          'The blog’s API is not a public address',
          outcome.detail,
          {
            notPublic: url,
          },
        );
      }
      if (outcome.kind === 'unavailable') {
        deps.logger.error('blog unavailable', { site, postId: id, detail: outcome.detail });
        throw new HttpProblem(502, 'blog-unavailable', 'The blog did not answer', outcome.detail);
      }
      if (outcome.kind === 'invalid') throw invalidFields(outcome.errors);
      if (outcome.kind === 'conflict')
        throw revisionConflict(outcome.series, 'WordPress.com will notify again on the next edit');
      if (outcome.kind === 'ignored') {
        deps.logger.info('blog post ignored', {
          site,
          postId: id,
          reason: outcome.reason,
          series: outcome.series,
        });
        return c.json({ outcome: 'ignored', reason: outcome.reason });
      }
      const { issue, outcome: accepted } = outcome.result;
      deps.logger.info('blog post accepted', {
        issueId: issue.id,
        revision: issue.revision,
        outcome: accepted,
      });
      return c.json(
        storedIssueAnswer(issue, accepted, settings.publicBaseUrl),
        accepted === 'created' ? 201 : 200,
      );
    },
  );
};
