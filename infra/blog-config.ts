import type { Node } from 'constructs';

export type BlogConfig = { feedUrl?: string; wordpressSite?: string };

/**
 * Where her posts come from without code (issue 15), from CDK context: `-c feedUrl=https://…/feed/` turns the
 * poller on; `-c wordpressSite=example.wordpress.com` names the site WordPress.com's webhook posts come from.
 */
export const readBlogConfig = (node: Node): BlogConfig => {
  const feedUrl: unknown = node.tryGetContext('feedUrl');
  const wordpressSite: unknown = node.tryGetContext('wordpressSite');
  if (feedUrl !== undefined && (typeof feedUrl !== 'string' || !/^https?:\/\/[^/]/.test(feedUrl)))
    throw new Error(`CDK context "feedUrl" must be an http(s) URL, got "${String(feedUrl)}"`);
  if (
    wordpressSite !== undefined &&
    (typeof wordpressSite !== 'string' || !/^[a-z0-9.-]+$/i.test(wordpressSite))
  )
    throw new Error(`CDK context "wordpressSite" must be a host name, got "${String(wordpressSite)}"`);
  return {
    ...(typeof feedUrl === 'string' ? { feedUrl } : {}),
    ...(typeof wordpressSite === 'string' ? { wordpressSite } : {}),
  };
};
