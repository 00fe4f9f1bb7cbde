import type { IssueContent } from '../../shared/domain/issue.ts';
import { sanitiseStoryHtml } from '../../shared/domain/story-html.ts';
import { anIssueContent } from './issue.ts';

/**
 * What an author's text might spell to reach a reader's links: the old placeholders whole, nested (one strip
 * pass leaves a whole one), split by markup (whole again once the text part drops the tags), the variant
 * tokens, Mustache tags, and something shaped like a slot marker under a guessed nonce.
 */
export const FORGERIES = [
  '%%DIMANCHE_UNSUBSCRIBE_URL%%',
  '%%%%DIMANCHE_X%%DIMANCHE_UNSUBSCRIBE_URL%%',
  '%%DIMANCHE_%%DIMANCHE_PREFERENCES_URL%%PREFERENCES_URL%%',
  '%%DIMANCHE_V_T1_HREF%% %%DIMANCHE_V_T99_LISTEN%%',
  '{{unsubscribeUrl}} {{{preferencesUrl}}} {{#email}}x{{/email}}',
  `z${'0'.repeat(32)}n0z z${'f'.repeat(32)}n1z`,
] as const;

const all = FORGERIES.join(' ');

/** Issue #34 with the forgeries in every field the author writes: title, subtitle, story, cover, tracks. */
export const forgedContent = (): IssueContent => {
  const base = anIssueContent();
  return {
    ...base,
    title: `Chambre ${all}`,
    subtitle: `Le chapeau ${all}`,
    storyHtml: sanitiseStoryHtml(
      `<p>Avant ${all}</p>` +
        // Split by markup: the text part joins the halves again.
        '<p>%%DIMANCHE_<strong>UNSUBSCRIBE</strong>_URL%% et %%DIMANCHE_<em></em>PREFERENCES_URL%%</p>' +
        `<p><a href="https://exemple.fr/%%DIMANCHE_UNSUBSCRIBE_URL%%">${all}</a></p>`,
    ),
    cover: { url: 'https://images.example.org/a.jpg', alt: `La couverture ${all}` },
    tracks: base.tracks.map((track, i) =>
      i === 0
        ? { ...track, artist: `Artiste ${all}`, title: `Titre ${all}`, album: `Album ${all}` }
        : i === 1
          ? // Split across two fields printed side by side: "artist – title".
            { ...track, artist: 'Duo %%DIMANCHE_UNSUB', title: 'SCRIBE_URL%% fin' }
          : track,
    ),
    socialText: { mastodon: `Pour Mastodon ${all}` },
  };
};
