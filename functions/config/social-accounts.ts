import { createHash } from 'node:crypto';
import * as v from 'valibot';
import type { SocialAccounts } from '../../shared/adapters/social/social-accounts.ts';
import { DEFAULT_BASE_URLS } from '../../shared/adapters/social/social-accounts.ts';
import type { SocialNetwork } from '../../shared/domain/social/networks.ts';
import { ConfigError } from './config-error.ts';

// A token is sent to this URL: https only, but for the local fakes on the loopback interface.
const baseUrl = (fallback?: string) => {
  const url = v.pipe(
    v.string(),
    v.url('must be a URL'),
    v.check((value) => {
      const { protocol, hostname } = new URL(value);
      return protocol === 'https:' || (protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(hostname));
    }, 'must be https (or http on 127.0.0.1 for a local fake)'),
    v.transform((value) => value.replace(/\/+$/, '')),
  );
  return fallback ? v.optional(url, fallback) : url;
};
const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const expiresAt = v.optional(
  v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 time with its offset, e.g. 2027-01-23T08:00:00Z')),
);

const accountsSchema = v.strictObject({
  mastodon: v.optional(v.strictObject({ baseUrl: baseUrl(), accessToken: text })),
  bluesky: v.optional(
    v.strictObject({ baseUrl: baseUrl(DEFAULT_BASE_URLS.bluesky), identifier: text, appPassword: text }),
  ),
  x: v.optional(
    v.strictObject({ baseUrl: baseUrl(DEFAULT_BASE_URLS.x), accessToken: text, username: text, expiresAt }),
  ),
  linkedin: v.optional(
    v.strictObject({
      baseUrl: baseUrl(DEFAULT_BASE_URLS.linkedin),
      accessToken: text,
      author: v.pipe(
        text,
        v.regex(/^urn:li:(person|organization):\S+$/, 'must be urn:li:person:… or urn:li:organization:…'),
      ),
      version: v.pipe(text, v.regex(/^\d{6}$/, 'must be YYYYMM')),
      expiresAt,
    }),
  ),
  facebook: v.optional(
    v.strictObject({
      baseUrl: baseUrl(DEFAULT_BASE_URLS.facebook),
      pageId: text,
      pageAccessToken: text,
      graphVersion: v.pipe(text, v.regex(/^v\d+\.\d+$/, 'must look like v21.0')),
      expiresAt,
    }),
  ),
  threads: v.optional(
    v.strictObject({
      baseUrl: baseUrl(DEFAULT_BASE_URLS.threads),
      userId: text,
      username: text,
      accessToken: text,
      expiresAt,
    }),
  ),
});

/**
 * The social accounts document (a Secrets Manager secret on AWS, a git-ignored JSON file on one machine),
 * validated whole: every wrong field is named, and a token never appears in the message.
 */
export const parseSocialAccounts = (source: string, raw: string): SocialAccounts => {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError(`${source} is not JSON`);
  }
  const parsed = v.safeParse(accountsSchema, json);
  if (!parsed.success) {
    const problems = parsed.issues.map((issue) => `${v.getDotPath(issue) ?? '(document)'}: ${issue.message}`);
    throw new ConfigError(`${source} is invalid: ${problems.join('; ')}`);
  }
  return parsed.output as SocialAccounts;
};

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
