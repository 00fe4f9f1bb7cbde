import type { BlogPostFetch, BlogPostPage, BlogPosts } from '../../ports/blog-posts.ts';
import type { OutboundFetch } from '../../ports/outbound-fetch.ts';

export const WORDPRESS_COM_API = 'https://public-api.wordpress.com';

type Options = {
  /** `https://public-api.wordpress.com`, or the fake blog on 127.0.0.1. */
  baseUrl?: string;
  /** The guarded client: the base URL is a setting, and a setting may not lead to a private address. */
  outbound: OutboundFetch;
  timeoutMs?: number;
};

/** A page of 100 posts with their embeds stays well under this; past it the answer is refused, not read. */
const MAX_ANSWER_BYTES = 20 * 1024 * 1024;

/**
 * WordPress.com's public REST API (`/wp/v2/sites/{site}/posts`), which serves any public site's published
 * posts without a key; `_embed` brings the featured image. A self-hosted WordPress answers the same shape.
 */
export const wordpressComPosts = ({
  baseUrl = WORDPRESS_COM_API,
  outbound,
  timeoutMs = 10_000,
}: Options): BlogPosts => {
  const base = baseUrl.replace(/\/+$/, '');
  const get = async (path: string) => {
    const result = await outbound(`${base}${path}`, {
      headers: { accept: 'application/json' },
      timeoutMs,
      maxBytes: MAX_ANSWER_BYTES,
    });
    if (result.kind === 'refused' && result.reason === 'not_public')
      return {
        ok: false as const,
        error: 'unavailable' as const,
        detail: result.detail,
        notPublic: { url: result.url },
      };
    if (result.kind !== 'answer')
      return { ok: false as const, error: 'unavailable' as const, detail: result.detail };
    if (result.status === 404 || result.status === 410 || result.status === 401) {
      await result.discard();
      return { ok: false as const, error: 'not_found' as const, detail: `HTTP ${result.status}` };
    }
    if (result.status < 200 || result.status >= 300) {
      await result.discard();
      return { ok: false as const, error: 'unavailable' as const, detail: `HTTP ${result.status}` };
    }
    const body = await result.body();
    if (body.kind !== 'body') {
      const detail = body.kind === 'too_large' ? `larger than ${body.maxBytes} bytes` : body.detail;
      return { ok: false as const, error: 'unavailable' as const, detail };
    }
    try {
      const json = JSON.parse(new TextDecoder().decode(body.bytes)) as unknown;
      return { ok: true as const, header: result.header, json };
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
      const total = Number(answer.header('x-wp-totalpages') ?? '1');
      return { ok: true, posts: answer.json, totalPages: Number.isInteger(total) && total > 0 ? total : 1 };
    },
  };
};
