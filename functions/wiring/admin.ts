import { wordpressComPosts } from '../../shared/adapters/http/wordpress-com-posts.ts';
import type { AppDeps } from '../app-deps.ts';
import { authorNotifier } from '../delivery/author-notifier.ts';
import type { Studio } from '../studio/studio-deps.ts';
import { adminStores } from './admin-stores.ts';
import { type HttpConfig, type HttpHome, publicDeps } from './http.ts';
import { type StudioConfig, studioDeps } from './studio-stores.ts';

/**
 * The admin function's ports (`/admin/*`, the studio and WordPress.com's notification): the public ones plus
 * the admin stores, her blog's API and the mails to her. Its own file, so the public function's bundle never
 * reaches them.
 */
export const adminDeps = (
  config: HttpConfig & StudioConfig,
  home: HttpHome,
  sendNow?: Studio['sendNow'],
): AppDeps & { studio: Studio } => {
  const base = publicDeps(config, home);
  return {
    ...base,
    ...adminStores(home.table.doc, home.table.tableName),
    blogPosts: wordpressComPosts({ baseUrl: config.WORDPRESS_API_URL, outbound: home.outbound }),
    author: authorNotifier(base.mailer, config, config.PUBLIC_BASE_URL),
    studio: studioDeps(home.table.doc, home.table.tableName, config, sendNow),
  };
};
