/** The public web version of an issue: the archive route serves it, mails and social posts link to it. */
export const archiveUrl = (baseUrl: string, slug: string): string =>
  `${baseUrl}/archive/${encodeURIComponent(slug)}`;
