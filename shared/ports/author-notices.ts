/** What the author is told about a Sunday run: a notice by email (a report, a missed Sunday). */
export type AuthorNotice = { subject: string; text: string };

export type AuthorNotifier = { notify: (notice: AuthorNotice) => Promise<void> };
