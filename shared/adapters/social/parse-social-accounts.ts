import { socialAccountsParser } from '../../domain/settings/social-accounts.ts';
import { SOCIAL_ADAPTERS } from './adapters.ts';
import type { SocialAccounts } from './social-accounts.ts';

/**
 * The social accounts document (a Secrets Manager secret on AWS, a git-ignored JSON file on one machine),
 * validated whole against every adapter's account schema: every wrong field is named, and a token never
 * appears in the message.
 */
export const parseSocialAccounts: (source: string, raw: string) => SocialAccounts =
  socialAccountsParser<SocialAccounts>(SOCIAL_ADAPTERS);
