import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../emails/format.ts';
import { htmlToText } from '../../shared/domain/story-html.ts';
import { anIssue, examplePostBody } from '../builders/issue.ts';
import { links, positionsInOrder, render } from './renderer-fixture.ts';

const issue = anIssue();
const { text, html } = await render(issue);

describe('the plain-text part of issue #34', () => {
  it('opens with the series, the title and the subtitle', () => {
    expect(text.startsWith('Online Sunday Morning Sound #34\ndimanche 29 novembre 2026\n\n')).toBe(true);
    expect(text).toContain(`\n\nChambre en Provence\n${issue.subtitle}\n\n`);
  });

  it('gives the story as paragraphs separated by blank lines', () => {
    const paragraphs = String(examplePostBody().story)
      .split('</p>')
      .filter((paragraph) => paragraph !== '')
      .map((paragraph) => htmlToText(paragraph));
    const blocks = text.split('\n\n');
    for (const paragraph of paragraphs) expect(blocks).toContain(paragraph);
    expect(text).not.toMatch(/<\/?p>/);
  });

  it('numbers every track in order, with album, length and its link on the next line', () => {
    const lines = issue.tracks.map(
      (track) =>
        `${track.position}. ${track.artist} – ${track.title} (${track.album}, ${formatDuration(track.durationSeconds ?? 0)})\n   ${track.url}\n`,
    );
    expect(lines[0]).toBe(
      '1. Françoise Hardy – Le temps de l’amour (Le temps de l’amour, 2:28)\n   https://www.deezer.com/track/3135556\n',
    );
    expect(text).toContain(`\nLa playlist\n15 titres · 56 min\n${lines.join('')}\n`);
  });

  it('leaves out what a track does not say', async () => {
    const bare = { position: 1, artist: 'Jain', title: 'Come', url: 'https://www.deezer.com/track/3159313' };
    const { text: shorter } = await render(anIssue({ tracks: [bare] }));
    expect(shorter).toContain('\n1. Jain – Come\n   https://www.deezer.com/track/3159313\n');
  });

  it("ends with the links, why, and the postal address, the reader's links as slots", () => {
    expect(
      text.endsWith(
        [
          `Voir dans le navigateur\u00a0: ${links.archiveUrl}`,
          'Gérer mes préférences\u00a0: {{preferencesUrl}}',
          'Se désabonner\u00a0: {{unsubscribeUrl}}',
          '',
          'Vous recevez cette lettre parce que vous êtes abonné·e à Online Sunday Morning Sound.',
          'Online Sunday Morning Sound',
          '12 rue des Lilas, 75011 Paris',
          '',
        ].join('\n'),
      ),
    ).toBe(true);
  });

  it('says what the HTML says, in the same order', () => {
    const said = [
      'Online Sunday Morning Sound',
      'dimanche 29 novembre 2026',
      'Chambre en Provence',
      'La playlist',
      '15 titres · 56 min',
      ...issue.tracks.map((track) => track.title),
      'Voir dans le navigateur',
      'Gérer mes préférences',
      'Se désabonner',
      'Vous recevez cette lettre',
      '12 rue des Lilas',
    ];
    expect(positionsInOrder(html, said)).not.toContain(-1);
    expect(positionsInOrder(text, said)).not.toContain(-1);
  });
});
