import type { FakePost } from './fake-blog-state.ts';

const rendered = (value: unknown): string =>
  typeof value === 'object' && value !== null ? String((value as { rendered?: unknown }).rendered ?? '') : '';

/**
 * What WordPress.com posts for a `publish_post` webhook with the fields "ID", "post_url", "post_title" and
 * "post_modified_gmt" ticked: a form body, unsigned, with the action in `hook`.
 */
export const notificationForm = (post: FakePost): URLSearchParams =>
  new URLSearchParams({
    ID: String(post.id),
    post_url: post.link,
    post_title: rendered(post['title']),
    post_modified_gmt: post.modified_gmt.replace('T', ' '),
    hook: 'publish_post',
  });

export const sendWordpressNotification = async (
  url: string,
  post: FakePost,
): Promise<{ status: number; body: string } | { error: string }> => {
  const form = notificationForm(post);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      signal: AbortSignal.timeout(30_000),
    });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
};
