import { domainToASCII, domainToUnicode } from 'node:url';
import isEmailModule from 'validator/lib/isEmail.js';
import { hasForbiddenControl } from './control-characters.ts';

// CommonJS that also sets `.default` on itself: the one spelling every runtime and bundler here agrees on.
const isEmail = isEmailModule.default;

export type EmailAddress = string & { readonly __brand: 'EmailAddress' };

// RFC 5322 dot-atom: what a local part may be without quotes.
const DOT_ATOM = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;

// UTS #46 as browsers and mail providers apply it (nontransitional: "ß" stays "ß", Bidi and joiner rules
// checked), by Node's own URL host parser: the same mapping as the `tr46` package (the model test holds them
// to each other) without its 230 KiB table in every Lambda bundle. What a URL host allows and DNS does not is
// refused here: "%" (a URL would read an escape), anything but letters, digits and hyphens, a hyphen at a
// label's ends or in its third and fourth places (but "xn--"), an empty label, over 63 octets a label or 253
// in all.
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const asciiDomain = (domain: string): string | undefined => {
  if (domain.includes('%')) return undefined;
  const ascii = domainToASCII(domain);
  if (!ascii || ascii.length > 253) return undefined;
  const dnsLabel = (label: string) =>
    LABEL.test(label) && (label.slice(2, 4) !== '--' || label.startsWith('xn--'));
  return ascii.split('.').every(dnsLabel) ? ascii : undefined;
};

/** A quoted local part names the same mailbox as the unquoted one when its content is a dot-atom. */
const unquotedLocal = (local: string): string | undefined => {
  if (!local.startsWith('"')) return local;
  if (local.length < 2 || !local.endsWith('"')) return undefined;
  const content = local.slice(1, -1).replace(/\\(.)/g, '$1');
  return DOT_ATOM.test(content) ? content : undefined;
};

/**
 * The one canonical form of a mailbox, used for the keyed hash (so dedup, cooldowns, suppression, erasure and
 * lookups all agree): trimmed of spaces; local part unquoted when quoting changes nothing, refused when it
 * does (a quoted local part with spaces or "@" is a different mailbox we would then send elsewhere); lower-cased
 * (RFC 5321 lets a local part be case-sensitive, but no provider we deliver to treats it so); the domain mapped
 * to its A-label by UTS #46, so "exämple.fr" and "xn--exmple-cua.fr" are one mailbox. Any control character,
 * line or paragraph separator refuses the address: such an address reaches mail headers.
 * Provider-specific folding (Gmail dots, +tags) is not done: those are the reader's own choice of address.
 */
export const normaliseEmail = (raw: string): EmailAddress | undefined => {
  if (hasForbiddenControl(raw)) return undefined;
  const trimmed = raw.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = unquotedLocal(trimmed.slice(0, at));
  const domain = asciiDomain(trimmed.slice(at + 1));
  if (local === undefined || !domain) return undefined;
  const address = `${local}@${domain}`.toLowerCase();
  return address.length <= 254 &&
    isEmail(address, { allow_utf8_local_part: false, require_tld: true, allow_ip_domain: false })
    ? (address as EmailAddress)
    : undefined;
};

/**
 * How the same mailbox may have been keyed before the canonical form (trimmed and lower-cased only): with its
 * domain in Unicode, its local part in quotes, or both. Lookups try these after the canonical key, so a
 * record stored then is still found; the list is empty for most addresses.
 */
export const legacySpellings = (canonical: EmailAddress): EmailAddress[] => {
  const at = canonical.lastIndexOf('@');
  const local = canonical.slice(0, at);
  const domain = canonical.slice(at + 1);
  const unicode = domainToUnicode(domain);
  const domains = !unicode || unicode === domain ? [domain] : [domain, unicode];
  const spellings = domains.flatMap((d) => [`${local}@${d}`, `"${local}"@${d}`]);
  return spellings.filter((s) => s !== canonical) as EmailAddress[];
};
