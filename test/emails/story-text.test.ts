import { describe, expect, it } from 'vitest';
import { storyToText } from '../../emails/story-text.ts';
import { sanitiseStoryHtml } from '../../shared/domain/story-html.ts';

const asText = (html: string): string => storyToText(sanitiseStoryHtml(html));

describe('the story as plain text', () => {
  it('separates blocks with one blank line and keeps line breaks', () => {
    expect(asText('<p>Un</p><h2>Deux</h2><p>Trois<br>et quatre</p><blockquote>Cinq</blockquote>')).toBe(
      'Un\n\nDeux\n\nTrois\net quatre\n\nCinq',
    );
  });

  it('gives list items one line each', () => {
    expect(asText('<p>Au programme :</p><ul><li>la lavande</li><li>le mistral</li></ul><p>Fin</p>')).toBe(
      'Au programme :\n\n- la lavande\n- le mistral\n\nFin',
    );
  });

  it('follows a link with its address, unless the link text is the address', () => {
    expect(asText('<p>Lire <a href="https://example.org/a?x=1&amp;y=2">la suite</a>.</p>')).toBe(
      'Lire la suite (https://example.org/a?x=1&y=2).',
    );
    expect(asText('<p><a href="https://example.org/">https://example.org/</a></p>')).toBe(
      'https://example.org/',
    );
    expect(asText('<p><a href="mailto:moi@example.org">moi@example.org</a></p>')).toBe('moi@example.org');
  });

  it('decodes entities and keeps French punctuation as it is', () => {
    expect(asText('<p>«\u00a0Tom &amp; Jerry\u00a0» &lt;3 d’été 😉</p>')).toBe(
      '«\u00a0Tom & Jerry\u00a0» <3 d’été 😉',
    );
  });
});
