import { createHash } from 'node:crypto';
import * as v from 'valibot';
import { SOCIAL_ADAPTERS } from '../../shared/adapters/social/adapters.ts';
import type { AccountsOf, SomeAdapter } from '../../shared/adapters/social/network-adapter.ts';
import type { SocialAccounts } from '../../shared/adapters/social/social-accounts.ts';
import type { SocialNetwork } from '../../shared/domain/social/networks.ts';
import { ConfigError } from './config-error.ts';

/**
 * The parser of an accounts document for a table of adapters: one optional entry per network, each checked by
 * its own schema; a key that names no network is refused.
 */
export const socialAccountsParser = <Table extends Record<string, SomeAdapter>>(adapters: Table) => {
  const schema = v.strictObject(
    Object.fromEntries(
      Object.entries(adapters).map(([id, { accountSchema }]) => [id, v.optional(accountSchema)]),
    ),
  );
  return (source: string, raw: string): AccountsOf<Table> => {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ConfigError(`${source} is not JSON`);
    }
    const parsed = v.safeParse(schema, json);
    if (!parsed.success) {
      const problems = parsed.issues.map(
        (issue) => `${v.getDotPath(issue) ?? '(document)'}: ${issue.message}`,
      );
      throw new ConfigError(`${source} is invalid: ${problems.join('; ')}`);
    }
    return parsed.output as AccountsOf<Table>;
  };
};

/**
 * The social accounts document (a Secrets Manager secret on AWS, a git-ignored JSON file on one machine),
 * validated whole: every wrong field is named, and a token never appears in the message.
 */
export const parseSocialAccounts: (source: string, raw: string) => SocialAccounts =
  socialAccountsParser(SOCIAL_ADAPTERS);

/** Changes whenever an account's credentials change: a block on refused credentials lifts by itself. */
export const credentialsFingerprint = (account: object) =>
  createHash('sha256').update(JSON.stringify(account)).digest('base64url').slice(0, 22);

/** The accounts of the networks the configuration enables, the others left out. */
export const enabledAccounts = (
  accounts: SocialAccounts,
  networks: readonly SocialNetwork[],
): SocialAccounts =>
  Object.fromEntries(
    Object.entries(accounts).filter(([network]) => networks.includes(network as SocialNetwork)),
  );
