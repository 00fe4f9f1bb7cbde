import type { BlogPostFetch, BlogPostPage, BlogPosts } from '../../ports/blog-posts.ts';

export const WORDPRESS_COM_API = 'https://public-api.wordpress.com';

type Options = {
  /** `https://public-api.wordpress.com`, or the fake blog on 127.0.0.1. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
};

/**
 * WordPress.com's public REST API (`/wp/v2/sites/{site}/posts`), which serves any public site's published
 * posts without a key; `_embed` brings the featured image. A self-hosted WordPress answers the same shape.
 */
export const wordpressComPosts = ({
  baseUrl = WORDPRESS_COM_API,
  fetch = globalThis.fetch,
  timeoutMs = 10_000,
}: Options = {}): BlogPosts => {
  const base = baseUrl.replace(/\/+$/, '');
  const get = async (path: string) => {
    try {
      const response = await fetch(`${base}${path}`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status === 404 || response.status === 410 || response.status === 401) {
        await response.body?.cancel();
        return { ok: false as const, error: 'not_found' as const, detail: `HTTP ${response.status}` };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false as const, error: 'unavailable' as const, detail: `HTTP ${response.status}` };
      }
      return { ok: true as const, response, json: (await response.json()) as unknown };
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { ok: false as const, error: 'unavailable' as const, detail };
    }
  };
  const sitePath = (site: string) => `/wp/v2/sites/${encodeURIComponent(site)}/posts`;
  return {
    byId: async (site, id): Promise<BlogPostFetch> => {
      const answer = await get(`${sitePath(site)}/${id}?_embed`);
      return answer.ok ? { ok: true, post: answer.json } : answer;
    },
    page: async (site, page, perPage): Promise<BlogPostPage> => {
      const answer = await get(
        `${sitePath(site)}?_embed&page=${page}&per_page=${perPage}&orderby=date&order=desc`,
      );
      if (!answer.ok) return answer;
      if (!Array.isArray(answer.json))
        return { ok: false, error: 'unavailable', detail: 'the answer is not a list of posts' };
      const total = Number(answer.response.headers.get('x-wp-totalpages') ?? '1');
      return { ok: true, posts: answer.json, totalPages: Number.isInteger(total) && total > 0 ? total : 1 };
    },
  };
};
