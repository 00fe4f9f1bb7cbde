import { toASCII } from 'tr46';

/**
 * The model's one notion of "the same mailbox", written apart from the app's: the local part exactly, once
 * unquoted when the quotes add nothing (RFC 5321 §4.1.2: "m0"@… and m0@… name one mailbox), the domain in any
 * letter case and as its IDNA A-label (UTS #46: exämple.fr is xn--exmple-cua.fr).
 */
export const sameMailbox = (address: string): string => {
  const at = address.lastIndexOf('@');
  const quoted = /^"([A-Za-z0-9.+_-]+)"$/.exec(address.slice(0, at));
  const local = quoted?.[1] ?? address.slice(0, at);
  return `${local}@${toASCII(address.slice(at + 1).toLowerCase()) ?? address.slice(at + 1)}`;
};

/** The ways a person may type the same mailbox: the domain's case, quotes around the local part, IDN or not. */
export const mailboxSpellings = (local: string, domain: string): string[] => {
  const aLabel = toASCII(domain) ?? domain;
  return [
    `${local}@${domain}`,
    `${local}@${domain.toUpperCase()}`,
    `${local}@${domain.charAt(0).toUpperCase()}${domain.slice(1)}`,
    `"${local}"@${domain}`,
    ...(aLabel === domain ? [] : [`${local}@${aLabel}`]),
  ];
};
