import * as v from 'valibot';
import { httpUrl } from './fields.ts';

/** Where her posts come from without code (issue 15): her WordPress.com site, its API, or any feed. */
export const blogEnv = {
  /** `karoonline.wordpress.com`: which site a WordPress.com notification's post is fetched from. */
  WORDPRESS_SITE: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[a-z0-9.-]+(:\d+)?$/i, 'WORDPRESS_SITE must be a host name such as example.wordpress.com'),
    ),
  ),
  /** WordPress.com's public API; locally, the fake blog on 127.0.0.1. */
  WORDPRESS_API_URL: v.optional(httpUrl('WORDPRESS_API_URL'), 'https://public-api.wordpress.com'),
  /** Any RSS or Atom feed: polled every 15 minutes, each new item an issue. */
  FEED_URL: v.optional(httpUrl('FEED_URL')),
};
