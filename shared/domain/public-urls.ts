/**
 * Every public address of the site, built from its base URL in one place: the routes serve these shapes, and
 * mails, feeds, social posts and the studio link to them. A new public page adds its row here.
 *
 * @example
 * const urls = publicUrls('https://dimanche.example');
 * urls.issue('sunday-morning-sound-34'); // https://dimanche.example/archive/sunday-morning-sound-34
 */
export const publicUrls = (publicBaseUrl: string) => {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const archive = `${base}${PUBLIC_PATHS.archive}`;
  const studio = `${base}${PUBLIC_PATHS.studio}`;
  return {
    base,
    archive,
    /** One page of the archive list, after the cursor of the previous one. */
    archivePage: (cursor: string) => `${archive}?cursor=${encodeURIComponent(cursor)}`,
    issue: (slug: string) => archiveUrl(base, slug),
    // The number alone resolves and redirects to the current slug: a link that survives a new title.
    permalink: (series: number) => archiveUrl(base, String(series)),
    ...archiveFeedUrls(archive),
    subscribe: `${base}${PUBLIC_PATHS.subscribe}`,
    confirm: (token: string) => `${base}${PUBLIC_PATHS.confirm}/${encodeURIComponent(token)}`,
    /** One-click unsubscribe, also the List-Unsubscribe target (RFC 8058). */
    unsubscribe: (token: string) => `${base}${PUBLIC_PATHS.unsubscribe}/${token}`,
    preferences: (token: string) => `${base}${PUBLIC_PATHS.preferences}/${token}`,
    dataLink: (secret: string) => `${base}${PUBLIC_PATHS.dataLink}/${secret}`,
    click: (id: string) => clickUrl(base, id),
    preview: (issueId: string) => `${base}/admin/issues/${issueId}/preview`,
    studio,
    studioSignIn: (token: string) => `${studio}/sign-in/${token}`,
  };
};

export type PublicUrls = ReturnType<typeof publicUrls>;

/** Where each public room is mounted; the routes and the absolute addresses above share these. */
export const PUBLIC_PATHS = {
  archive: '/archive',
  subscribe: '/subscribe',
  confirm: '/confirm',
  unsubscribe: '/u',
  preferences: '/preferences',
  dataLink: '/data',
  click: '/r',
  studio: '/studio',
} as const;

/** The public web version of an issue: the archive route serves it, mails and social posts link to it. */
export const archiveUrl = (publicBaseUrl: string, slug: string): string =>
  `${publicBaseUrl}${PUBLIC_PATHS.archive}/${encodeURIComponent(slug)}`;

/** A tracked track link: the redirect records the click, never who made it. */
export const clickUrl = (publicBaseUrl: string, id: string): string =>
  `${publicBaseUrl}${PUBLIC_PATHS.click}/${id}`;

/** The archive's feeds sit beside its index; a stored page knows only the index's address. */
export const archiveFeedUrls = (archiveIndexUrl: string) => ({
  rss: `${archiveIndexUrl}/feed.xml`,
  atom: `${archiveIndexUrl}/atom.xml`,
});

/** What a preview shows in place of a recipient's own links. */
export const samplePersonalisation = (publicBaseUrl: string) => {
  const urls = publicUrls(publicBaseUrl);
  return {
    unsubscribeUrl: urls.unsubscribe(SAMPLE_TOKEN),
    preferencesUrl: urls.preferences(SAMPLE_TOKEN),
  };
};

const SAMPLE_TOKEN = 'preview-sample-token';

/** The addresses an intake answer names: where the author previews the issue and where readers will read it. */
export const issueLinks = (publicBaseUrl: string, issue: { id: string; slug: string }) => {
  const urls = publicUrls(publicBaseUrl);
  return { preview: urls.preview(issue.id), archive: urls.issue(issue.slug) };
};

/** The studio pages each author mail leads to. */
export const studioLinks = (publicBaseUrl: string) => {
  const { studio } = publicUrls(publicBaseUrl);
  return {
    home: studio,
    issue: (series: number) => `${studio}/issues/${series}`,
    campaign: (series: number) => `${studio}/campaigns/${series}`,
    settings: `${studio}/settings`,
  };
};

export type StudioLinks = ReturnType<typeof studioLinks>;
