/**
 * The form a search compares: accents dropped (NFD, then no combining marks), compatibility forms folded
 * (NFKC: "ﬁ" is "fi"), lower case, runs of spaces as one. "Élodie" and "elodie" are the same word here.
 */
export const searchForm = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();

/** What a reader is found by: any part of the address or of the name. */
export const readerSearchText = (email: string, name: string | undefined): string =>
  searchForm(name ? `${email} ${name}` : email);
