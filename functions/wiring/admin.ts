import type { AppDeps } from '../app-deps.ts';
import type { Studio } from '../studio/studio-deps.ts';
import { adminStores } from './admin-stores.ts';
import { type HttpConfig, type HttpHome, publicDeps } from './http.ts';
import { type StudioConfig, studioDeps } from './studio-stores.ts';

/**
 * The admin function's ports (`/admin/*` and the studio): the public ones plus the admin stores. Its own
 * file, so the public function's bundle never reaches the admin stores.
 */
export const adminDeps = (
  config: HttpConfig & StudioConfig,
  home: HttpHome,
  sendNow?: Studio['sendNow'],
): AppDeps & { studio: Studio } => ({
  ...publicDeps(config, home),
  ...adminStores(home.table.doc, home.table.tableName),
  studio: studioDeps(home.table.doc, home.table.tableName, config, sendNow),
});
