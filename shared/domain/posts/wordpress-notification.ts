import type { FieldError } from '../field-error.ts';

export type Notification =
  | { ok: true; ignore?: undefined; site: string; id: number }
  | { ok: true; ignore: 'not_a_post' }
  | { ok: false; errors: FieldError[] };

// The actions that mean "a post is out, or was edited while out"; comments and pages are not issues.
const POST_HOOKS = ['publish_post', 'publish_future_post', 'post_updated', 'save_post'];

const one = (value: unknown): string | undefined => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : undefined;
};

/**
 * What a WordPress.com webhook says, reduced to which post of which site: `ID` (or `post_id`), `post_url`,
 * `hook`. The site is the configured one when set, else the host of the post's address.
 */
export const notificationOf = (
  fields: Record<string, unknown>,
  configuredSite: string | undefined,
): Notification => {
  const hook = one(fields['hook']);
  if (hook !== undefined && !POST_HOOKS.includes(hook)) return { ok: true, ignore: 'not_a_post' };
  const rawId = one(fields['ID']) ?? one(fields['post_id']);
  const errors: FieldError[] = [];
  if (!rawId || !/^[1-9]\d{0,15}$/.test(rawId))
    errors.push({ pointer: '/ID', detail: 'must be the post id, a whole number (tick "ID" in the webhook)' });
  const site = configuredSite ?? siteOf(one(fields['post_url']));
  if (!site)
    errors.push({
      pointer: '/post_url',
      detail: 'must be the post’s https address (tick "post_url" in the webhook)',
    });
  if (errors.length > 0 || !site) return { ok: false, errors };
  return { ok: true, site, id: Number(rawId) };
};

const siteOf = (url: string | undefined): string | undefined => {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.hostname : undefined;
};
