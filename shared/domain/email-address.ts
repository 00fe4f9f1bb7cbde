import isEmailModule from 'validator/lib/isEmail.js';

// CommonJS that also sets `.default` on itself: the one spelling every runtime and bundler here agrees on.
const isEmail = isEmailModule.default;

export type EmailAddress = string & { readonly __brand: 'EmailAddress' };

/**
 * One normal form for comparing and hashing addresses: trimmed and lower-cased. RFC 5321 lets a local part
 * be case-sensitive, but no mailbox provider we deliver to treats it so, and listmonk and Mailchimp fold it too.
 * Provider-specific folding (Gmail dots, +tags) is not done: those are the reader's own choice of address.
 */
export const normaliseEmail = (raw: string): EmailAddress | undefined => {
  const address = raw.trim().toLowerCase();
  return address.length <= 254 &&
    isEmail(address, { allow_utf8_local_part: false, require_tld: true, allow_ip_domain: false })
    ? (address as EmailAddress)
    : undefined;
};
