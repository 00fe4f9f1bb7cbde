import { createHash } from 'node:crypto';
import * as v from 'valibot';
import type { SocialNetwork } from '../social/networks.ts';
import { parseJsonSetting } from './json-setting.ts';

type AccountSchemas = Record<string, { accountSchema: v.GenericSchema<unknown, unknown> }>;

/**
 * The parser of an accounts document for a table of account schemas (the adapters' table): one optional entry
 * per network, each checked by its own schema; a key that names no network is refused. `Accounts` is the
 * table's typed document, which the caller knows better than a schema's output.
 */
export const socialAccountsParser = <Accounts = Partial<Record<string, unknown>>>(table: AccountSchemas) => {
  const schema = v.strictObject(
    Object.fromEntries(
      Object.entries(table).map(([id, { accountSchema }]) => [id, v.optional(accountSchema)]),
    ),
  );
  return (source: string, raw: string): Accounts => parseJsonSetting(source, raw, schema) as Accounts;
};

/** Changes whenever an account's credentials change: a block on refused credentials lifts by itself. */
export const credentialsFingerprint = (account: object) =>
  createHash('sha256').update(JSON.stringify(account)).digest('base64url').slice(0, 22);

/** The accounts of the networks the configuration enables, the others left out. */
export const enabledAccounts = <Accounts extends object>(
  accounts: Accounts,
  networks: readonly SocialNetwork[],
): Accounts =>
  Object.fromEntries(
    Object.entries(accounts).filter(([network]) => networks.includes(network as SocialNetwork)),
  ) as Accounts;
