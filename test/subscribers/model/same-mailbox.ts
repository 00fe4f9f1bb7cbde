/**
 * The model's one notion of "the same mailbox": the local part exactly, the domain in any letter case
 * (RFC 5321 §2.4: only the domain is case-insensitive for certain). The app today folds the local part too;
 * the model only ever varies the domain's case, so both agree. Widen this one function when the canonical
 * mailbox form changes (IDN domains, quoted local parts).
 */
export const sameMailbox = (address: string): string => {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`;
};

/** The ways a person may type the same mailbox's domain. */
export const domainVariants = (local: string, domain: string): string[] => [
  `${local}@${domain}`,
  `${local}@${domain.toUpperCase()}`,
  `${local}@${domain.charAt(0).toUpperCase()}${domain.slice(1)}`,
];
