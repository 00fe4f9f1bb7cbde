import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderedIssue } from '../../shared/domain/rendered-email.ts';
import { anIssue } from '../builders/issue.ts';
import { links, render } from './renderer-fixture.ts';

describe('an issue written in English', () => {
  let rendered: RenderedIssue;
  beforeAll(async () => {
    rendered = await render(anIssue({ language: 'en' }));
  });

  it('declares English and prints the interface in English', () => {
    expect(rendered.html).toContain('<html lang="en"');
    for (const words of [
      'The playlist',
      '15 tracks · 56 min',
      'Listen',
      'View in browser',
      'Manage preferences',
    ]) {
      expect(rendered.html).toContain(words);
    }
    expect(rendered.html).toContain('Unsubscribe</a>');
    // ICU versions differ on the comma after the weekday.
    expect(rendered.html).toMatch(/Sunday,? 29 November 2026/);
    expect(rendered.html).not.toMatch(/Écouter|navigateur|désabonner|dimanche 29/);
  });

  it('invites web readers to subscribe in English', () => {
    expect(rendered.webHtml).toContain('<html lang="en"');
    expect(rendered.webHtml).toContain('Get the playlist every Sunday');
    expect(rendered.webHtml).not.toContain('Recevoir');
  });

  it('labels the text footer the English way', () => {
    expect(rendered.text).toContain(`View in browser: ${links.archiveUrl}\n`);
    expect(rendered.text).toContain('Unsubscribe: %%DIMANCHE_UNSUBSCRIBE_URL%%\n');
    expect(rendered.text).toContain('\nThe playlist\n1. ');
  });
});
