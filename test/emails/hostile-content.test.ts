import { describe, expect, it } from 'vitest';
import { personalise } from '../../shared/domain/rendered-email.ts';
import { sanitiseStoryHtml } from '../../shared/domain/story-html.ts';
import { anIssue } from '../builders/issue.ts';
import { activeContentIn, ownWebPageElement, XSS_CORPUS } from '../support/xss-corpus.ts';
import { render } from './renderer-fixture.ts';

const sample = {
  unsubscribeUrl: 'https://osms.example.org/u/1',
  preferencesUrl: 'https://osms.example.org/p/1',
};

describe('hostile content in an issue', () => {
  it.each(XSS_CORPUS)('stays inert in the email and the web page: %s', async (attack) => {
    const issue = anIssue({
      title: attack,
      subtitle: attack,
      storyHtml: sanitiseStoryHtml(`<p>Avant</p>${attack}<p>Après</p>`),
      cover: { url: 'https://images.example.org/a.jpg', alt: attack },
      tracks: [
        { position: 1, artist: attack, title: attack, album: attack, url: 'https://www.deezer.com/track/1' },
      ],
    });
    const rendered = await render(issue);
    const { html } = personalise(rendered.email, sample);
    expect(activeContentIn(html)).toEqual([]);
    expect(activeContentIn(rendered.webHtml, ownWebPageElement)).toEqual([]);
  });
});
