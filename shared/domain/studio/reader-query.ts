/** The Abonnés page's status filters, in the order its select lists them. */
export const READER_FILTERS = ['all', 'confirmed', 'pending', 'unsubscribed', 'suppressed'] as const;
export type ReaderFilterName = (typeof READER_FILTERS)[number];

/** An unknown or missing `status` shows every reader rather than an error: the address may be old or typed. */
export const readerFilterOf = (raw: string | undefined): ReaderFilterName =>
  READER_FILTERS.find((filter) => filter === raw) ?? 'all';

/** The CSV export holds one status at a time; the confirmed readers are the list she usually wants. */
export const exportStatusOf = (raw: string | undefined) =>
  raw === 'pending' || raw === 'unsubscribed' ? raw : 'confirmed';
