import * as v from 'valibot';
import type { OperatorApp } from '../accounts/sign-in.ts';
import { NETWORK_REGISTRY } from '../social/registry.ts';
import { parseJsonSetting } from './json-setting.ts';

/** The networks she connects through a developer app the operator registers once (consent page, PKCE). */
export const APP_NETWORKS = NETWORK_REGISTRY.rows
  .filter((row) => row.signIn.kind === 'oauth')
  .map((row) => row.id);

export type OperatorApps = Partial<Record<string, OperatorApp>>;

const app = v.strictObject({
  clientId: v.pipe(v.string(), v.trim(), v.nonEmpty('clientId is empty')),
  clientSecret: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty('clientSecret is empty'))),
});

/** LinkedIn's app may have the Community Management API: posting as her pages (sign-in.ts). */
const linkedInApp = v.strictObject({ ...app.entries, communityManagement: v.optional(v.boolean()) });

const schema = v.strictObject(
  Object.fromEntries(APP_NETWORKS.map((id) => [id, v.optional(id === 'linkedin' ? linkedInApp : app)])),
);

/**
 * The operator's developer apps, one per network (a deploy setting held as a secret: `{"x": {"clientId": …,
 * "clientSecret": …}, "linkedin": …}`). A network missing here shows "pas d'application" in Réglages instead of
 * a dead "Connecter" button. Mastodon (an app per instance, registered on the fly) and Bluesky (app password)
 * need none.
 */
export const parseOperatorApps = (source: string, raw: string | undefined): OperatorApps => {
  if (raw === undefined || raw.trim() === '') return {};
  return parseJsonSetting(source, raw, schema, ` (networks: ${APP_NETWORKS.join(', ')})`) as OperatorApps;
};
