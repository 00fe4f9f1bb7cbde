import type { NetworkRow } from './network-row.ts';
import { bluesky } from './networks/bluesky.ts';
import { facebook } from './networks/facebook.ts';
import { linkedin } from './networks/linkedin.ts';
import { mastodon } from './networks/mastodon.ts';
import { threads } from './networks/threads.ts';
import { x } from './networks/x.ts';
import { MisconfiguredError } from '../misconfigured.ts';

type IdsOf<Rows extends readonly NetworkRow[]> = { readonly [K in keyof Rows]: Rows[K]['id'] };

/** A table of networks and what every list of them derives from: ids in order, brand names, rows by id. */
export type NetworkRegistry<Rows extends readonly NetworkRow[]> = {
  rows: Rows;
  /** In the order the author sees them. */
  ids: IdsOf<Rows>;
  has: (value: string) => value is Rows[number]['id'];
  row: <Id extends Rows[number]['id']>(id: Id) => Extract<Rows[number], { id: Id }>;
  names: Record<Rows[number]['id'], string>;
  /** The same table with more rows after these: how a test (or a fork) adds a network without editing this one. */
  extend: <const More extends readonly NetworkRow[]>(...more: More) => NetworkRegistry<[...Rows, ...More]>;
};

export const networkRegistry = <const Rows extends readonly NetworkRow[]>(
  rows: Rows,
): NetworkRegistry<Rows> => {
  type Id = Rows[number]['id'];
  const byId = new Map<string, Rows[number]>(rows.map((row) => [row.id, row]));
  if (byId.size !== rows.length)
    throw new MisconfiguredError(`two networks share an id: ${rows.map((r) => r.id).join(', ')}`);
  return {
    rows,
    ids: rows.map((row) => row.id) as unknown as IdsOf<Rows>,
    has: (value): value is Id => byId.has(value),
    row: (id) => byId.get(id) as never,
    names: Object.fromEntries(rows.map((row) => [row.id, row.name])) as Record<Id, string>,
    extend: (...more) => networkRegistry([...rows, ...more]),
  };
};

/**
 * The networks an issue is announced on: one row each (networks/<id>.ts). Adding a network is one row here,
 * then its adapter folder (shared/adapters/social/<id>/) and its stand-in (infra/local/social/<id>/).
 */
export const NETWORK_REGISTRY = networkRegistry([mastodon, bluesky, x, linkedin, facebook, threads]);
