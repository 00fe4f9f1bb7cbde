import type { Language } from '../shared/domain/issue.ts';

/** Every word the templates and the text part print themselves; the author's words come from the issue. */
export type UiStrings = {
  locale: string;
  playlist: string;
  tracks: (count: number) => string;
  /**
   * A track's main link, saying where it goes (WCAG 2.4.4): the track, and its platform when the link leads to
   * one. Never a bare arrow: a screen reader lists links out of context.
   */
  listenTo: (title: string, platform?: string) => string;
  /** A cover's text alternative: what the picture shows. */
  coverAlt: (album: string, artist: string) => string;
  /** Text direction of the chrome, with `locale` on the mail's root. */
  dir: 'ltr' | 'rtl';
  /** The song.link page: every platform the track is on. */
  allPlatforms: string;
  viewInBrowser: string;
  unsubscribe: string;
  preferences: string;
  subscribe: string;
  whyYouGetThis: string;
  /** Web page: the link back to the archive's list. */
  allIssues: string;
  /** Feeds: the link from an entry to its web page, where the players are. */
  listenOnThePage: string;
  feedDescription: string;
  /** The button to the whole playlist on its platform, when the post embedded one. */
  wholePlaylist: (platform: string) => string;
};

export const STRINGS: Record<Language, UiStrings> = {
  fr: {
    locale: 'fr-FR',
    playlist: 'La playlist',
    tracks: (count) => (count > 1 ? `${count} titres` : `${count} titre`),
    listenTo: (title, platform) => `Écouter «\u00a0${title}\u00a0»${platform ? ` sur ${platform}` : ''}`,
    coverAlt: (album, artist) => `Pochette de ${album} — ${artist}`,
    dir: 'ltr',
    allPlatforms: 'Toutes les plateformes',
    viewInBrowser: 'Voir dans le navigateur',
    unsubscribe: 'Se désabonner',
    preferences: 'Gérer mes préférences',
    subscribe: 'Recevoir la playlist chaque dimanche',
    whyYouGetThis: 'Vous recevez cette lettre parce que vous êtes abonné·e à',
    allIssues: 'Tous les numéros',
    listenOnThePage: 'Écouter la playlist sur la page du numéro',
    feedDescription: 'Chaque dimanche, une histoire et sa playlist.',
    wholePlaylist: (platform) => `Écouter toute la playlist sur ${platform}`,
  },
  en: {
    locale: 'en-GB',
    playlist: 'The playlist',
    tracks: (count) => (count === 1 ? '1 track' : `${count} tracks`),
    listenTo: (title, platform) => `Listen to “${title}”${platform ? ` on ${platform}` : ''}`,
    coverAlt: (album, artist) => `Cover of ${album} — ${artist}`,
    dir: 'ltr',
    allPlatforms: 'All platforms',
    viewInBrowser: 'View in browser',
    unsubscribe: 'Unsubscribe',
    preferences: 'Manage preferences',
    subscribe: 'Get the playlist every Sunday',
    whyYouGetThis: 'You are getting this letter because you subscribed to',
    allIssues: 'All issues',
    listenOnThePage: 'Listen to the playlist on the issue’s page',
    feedDescription: 'Every Sunday, a story and its playlist.',
    wholePlaylist: (platform) => `Listen to the whole playlist on ${platform}`,
  },
};

/** French typography puts a no-break space before a colon; English none. */
export const labelled = (language: Language, label: string, value: string): string =>
  language === 'fr' ? `${label}\u00a0: ${value}` : `${label}: ${value}`;
