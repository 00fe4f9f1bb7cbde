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

const coordinate = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, 'not a P-256 coordinate (base64url)'));

/**
 * Bluesky's confidential atproto client: its client_id is the URL of the metadata document the studio serves
 * (`<PUBLIC_BASE_URL>/studio/accounts/bluesky/client-metadata.json`), its ES256 private key signs its
 * assertions (the document publishes the public half). Without it, Bluesky offers the app password only.
 */
const atprotoApp = v.strictObject({
  clientId: v.pipe(
    v.string(),
    v.trim(),
    v.url('clientId is not a URL'),
    v.endsWith('/accounts/bluesky/client-metadata.json', 'clientId must be the client metadata document'),
  ),
  privateJwk: v.object({
    kty: v.literal('EC'),
    crv: v.literal('P-256'),
    x: coordinate,
    y: coordinate,
    d: coordinate,
    kid: v.optional(v.pipe(v.string(), v.nonEmpty('kid is empty'))),
  }),
});

const schema = v.strictObject({
  ...Object.fromEntries(APP_NETWORKS.map((id) => [id, v.optional(id === 'linkedin' ? linkedInApp : app)])),
  bluesky: v.optional(atprotoApp),
});

/**
 * The operator's developer apps, one per network (a deploy setting held as a secret: `{"x": {"clientId": …,
 * "clientSecret": …}, "linkedin": …}`). A network missing here shows "pas d'application" in Réglages instead of
 * a dead "Connecter" button. Mastodon (an app per instance, registered on the fly) needs none; Bluesky's is
 * optional (OAuth where her server offers it, else her app password).
 */
export const parseOperatorApps = (source: string, raw: string | undefined): OperatorApps => {
  if (raw === undefined || raw.trim() === '') return {};
  return parseJsonSetting(
    source,
    raw,
    schema,
    ` (networks: ${[...APP_NETWORKS, 'bluesky'].join(', ')})`,
  ) as OperatorApps;
};
